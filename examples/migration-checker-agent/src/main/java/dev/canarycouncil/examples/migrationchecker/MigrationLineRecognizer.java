package dev.canarycouncil.examples.migrationchecker;

import static dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal.FAILED;
import static dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal.INVALID;
import static dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal.STARTED;
import static dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal.SUCCEEDED;
import static dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal.UP_TO_DATE;
import static dev.canarycouncil.examples.migrationchecker.MigrationTool.ALEMBIC;
import static dev.canarycouncil.examples.migrationchecker.MigrationTool.FLYWAY;
import static dev.canarycouncil.examples.migrationchecker.MigrationTool.LIQUIBASE;
import static dev.canarycouncil.examples.migrationchecker.MigrationTool.RAILS;

import dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines migration tools write, as a table: each row is a pattern, the tool that
 * writes it, what it means, and which group holds the detail. Lines that state a schema change
 * (SQL, Rails calls, Liquibase change messages) are left to the {@link SchemaChangeClassifier}.
 *
 * <p>The patterns are anchored on the tools' own wording rather than on words like "failed" or
 * "validation", which web applications log all the time ("Validation failed for argument").
 */
public final class MigrationLineRecognizer {

    private record Rule(MigrationTool tool, Signal signal, int detailGroup, Pattern pattern) {}

    private static final String QUOTED = "[`\"]?";

    private static final List<Rule> RULES = List.of(
            // Flyway (Flyway 9+ quotes the schema and the version; older versions used backticks or nothing).
            rule(
                    FLYWAY,
                    FAILED,
                    1,
                    "Migration of schema " + QUOTED + "[^`\"\\s]+" + QUOTED + " to version " + QUOTED + "(.+?)" + QUOTED
                            + " failed"),
            rule(FLYWAY, FAILED, 1, "\\bMigration (V[\\w.]+__\\S+) failed"),
            rule(
                    FLYWAY,
                    STARTED,
                    1,
                    "Migrating schema " + QUOTED + "[^`\"\\s]+" + QUOTED + " (?:to version|with repeatable migration) "
                            + QUOTED + "(.+?)" + QUOTED + "(?:\\s*\\[non-transactional])?\\s*$"),
            rule(FLYWAY, SUCCEEDED, 0, "Successfully applied \\d+ migrations? to schema"),
            rule(
                    FLYWAY,
                    UP_TO_DATE,
                    0,
                    "Schema " + QUOTED + "[^`\"\\s]+" + QUOTED + " is up to date\\. No migration necessary"),
            rule(FLYWAY, INVALID, 0, "Migration checksum mismatch for migration version \\S+"),
            rule(FLYWAY, INVALID, 0, "Detected resolved migration not applied to database: \\S+"),
            rule(FLYWAY, INVALID, 1, "Validate failed: (.+)$"),

            // Liquibase
            rule(LIQUIBASE, STARTED, 1, "Running Changeset: ?(\\S+::\\S+::\\S+)"),
            rule(LIQUIBASE, SUCCEEDED, 0, "ChangeSet \\S+::\\S+::\\S+ ran successfully"),
            rule(LIQUIBASE, FAILED, 0, "Liquibase command '\\w+' failed"),
            rule(LIQUIBASE, FAILED, 1, "Migration failed for change ?set (\\S+)"),
            rule(LIQUIBASE, INVALID, 0, "ValidationFailedException|\\d+ change ?sets? check ?sum"),
            rule(LIQUIBASE, UP_TO_DATE, 0, "Database is up to date, no change ?sets to execute"),

            // Alembic prints no success line; a migration without a failure after it ran.
            rule(
                    ALEMBIC,
                    STARTED,
                    1,
                    "\\[alembic\\.runtime\\.migration] Running ((?:upgrade|downgrade) \\S* -> \\S+.*)$"),
            rule(ALEMBIC, FAILED, 1, "alembic\\.util\\.exc\\.CommandError: (.+)$"),

            // Rails / ActiveRecord
            rule(RAILS, STARTED, 1, "== (\\d+ \\w+): migrating"),
            rule(RAILS, SUCCEEDED, 0, "== \\d+ \\w+: migrated"),
            rule(RAILS, FAILED, 0, "An error has occurred, (?:this and )?all later migrations canceled"),
            rule(RAILS, INVALID, 0, "ActiveRecord::PendingMigrationError|Migrations are pending\\."));

    private final SchemaChangeClassifier classifier;

    public MigrationLineRecognizer(SchemaChangeClassifier classifier) {
        this.classifier = classifier;
    }

    public Optional<MigrationLine> recognise(String line) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(line);
            if (m.find()) {
                String detail = rule.detailGroup() == 0 ? m.group() : m.group(rule.detailGroup());
                return Optional.of(new MigrationLine(rule.tool(), rule.signal(), detail.strip(), null, line));
            }
        }
        return classifier
                .statement(line)
                .map(change -> new MigrationLine(change.source(), Signal.CHANGE, change.text(), change, line));
    }

    private static Rule rule(MigrationTool tool, Signal signal, int detailGroup, String regex) {
        return new Rule(tool, signal, detailGroup, Pattern.compile(regex));
    }
}
