package dev.canarycouncil.examples.migrationchecker;

/**
 * One schema change and what it means for the old version still running against the same database.
 *
 * @param effect      whether the stable version survives it
 * @param action      what it does, e.g. {@code drop column}
 * @param identifier  the column or table it touches when the text names one, else null
 * @param source      where it was read: a DDL statement, a Rails or Liquibase line, or a migration's description
 * @param text        the statement or description it was read from
 */
public record SchemaChange(Effect effect, String action, String identifier, MigrationTool source, String text) {

    /** What a schema change does to the version that was built for the schema before it. */
    public enum Effect {
        /** The old version keeps working: new tables, nullable columns, indexes. */
        ADDITIVE,
        /** The old version may break: it still reads, writes or relies on what changed. */
        DESTRUCTIVE,
        /** The text does not say. */
        UNKNOWN
    }

    /** {@code drop column legacy_price}, or only the action when no identifier is known. */
    public String describe() {
        return identifier == null ? action : action + " " + identifier;
    }
}
