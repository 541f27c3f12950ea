package dev.canarycouncil.examples.migrationchecker;

import java.util.Locale;

/** Who wrote a migration line: a migration tool, or the database statement itself echoed in the log. */
public enum MigrationTool {
    FLYWAY,
    LIQUIBASE,
    ALEMBIC,
    RAILS,
    /** A DDL statement in the log, from a tool's SQL echo, Hibernate's DDL or the application itself. */
    SQL;

    /** How a person names it in a sentence: {@code flyway}, {@code sql}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
