package dev.canarycouncil.examples.migrationchecker;

import java.time.Instant;

/**
 * A database error about the schema in an application's log: a column or table it expected is
 * not there (or a column it does not fill became NOT NULL).
 *
 * @param identifier  the column or table the database names, without qualifier or quotes
 * @param problem     e.g. {@code missing column}
 * @param time        when it happened, or null when the log has no timestamps
 */
public record SchemaError(String pod, Instant time, String identifier, String problem, String line) {}
