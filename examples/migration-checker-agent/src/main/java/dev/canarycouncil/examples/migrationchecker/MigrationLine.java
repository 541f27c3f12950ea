package dev.canarycouncil.examples.migrationchecker;

/**
 * A log line that says something about a schema migration.
 *
 * @param detail  the migration's description ({@link Signal#STARTED}), the statement ({@link Signal#CHANGE}),
 *                or what went wrong ({@link Signal#FAILED}, {@link Signal#INVALID}); may be empty
 * @param change  the schema change a {@link Signal#CHANGE} line states, else null
 */
public record MigrationLine(MigrationTool tool, Signal signal, String detail, SchemaChange change, String line) {

    public enum Signal {
        /** A migration begins ("Migrating schema ... to version ...", "Running Changeset", "Running upgrade"). */
        STARTED,
        /** A statement or change call of the running migration (or a lone DDL statement). */
        CHANGE,
        /** The tool reports the open migrations applied. */
        SUCCEEDED,
        /** A migration failed. */
        FAILED,
        /** The tool refuses to start: pending migrations, a checksum mismatch, failed validation. */
        INVALID,
        /** The tool found nothing to apply. */
        UP_TO_DATE
    }
}
