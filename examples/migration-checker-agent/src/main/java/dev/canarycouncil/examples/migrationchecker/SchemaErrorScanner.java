package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the errors databases give a version whose schema was changed under it, as a table of the
 * wordings of PostgreSQL, MySQL, SQLite, SQL Server and Oracle. Counts each log event once: an
 * error logged as a message and again as the exception's {@code Caused by} is one failure.
 */
public final class SchemaErrorScanner {

    private record Rule(String problem, Pattern pattern) {}

    private static final String NAME = "[\"'`]?([\\w.]+)[\"'`]?";

    private static final List<Rule> RULES = List.of(
            rule("missing column", "\\bcolumn " + NAME + " (?:of relation \\S+ )?does not exist"), // PostgreSQL
            rule("missing column", "\\bUnknown column " + NAME), // MySQL
            rule("missing column", "\\bno such column: " + NAME), // SQLite
            rule("missing column", "\\bInvalid column name " + NAME), // SQL Server
            rule("missing column", "\\bORA-00904: " + NAME + ": invalid identifier"), // Oracle
            rule("missing table", "\\brelation " + NAME + " does not exist"), // PostgreSQL
            rule("missing table", "\\bTable " + NAME + " doesn't exist"), // MySQL
            rule("missing table", "\\bno such table: " + NAME), // SQLite
            rule("missing table", "\\bInvalid object name " + NAME), // SQL Server
            rule("not-null violation", "\\bnull value in column " + NAME + "[^\\n]*violates not-null constraint"),
            rule("not-null violation", "\\bField " + NAME + " doesn't have a default value"),
            rule("not-null violation", "\\bColumn " + NAME + " cannot be null"));

    public List<SchemaError> scan(List<ContainerLog> logs) throws InterruptedException {
        List<SchemaError> errors = new ArrayList<>();
        for (ContainerLog log : logs) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            scan(log, errors);
        }
        return errors;
    }

    private static void scan(ContainerLog log, List<SchemaError> errors) {
        Instant now = null;
        long event = 0;
        long lastCounted = -1;
        for (String line : (Iterable<String>) log.text().lines()::iterator) {
            Instant stamp = LogTimestamps.leading(line);
            // A line with a timestamp starts an event; lines without one continue it (unless nothing came before).
            if (stamp != null || now == null) {
                event++;
            }
            now = stamp == null ? now : stamp;
            if (event == lastCounted) {
                continue;
            }
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(line);
                if (m.find()) {
                    String name = m.group(1);
                    errors.add(new SchemaError(
                            log.pod(), now, name.substring(name.lastIndexOf('.') + 1), rule.problem(), line));
                    lastCounted = event;
                    break;
                }
            }
        }
    }

    private static Rule rule(String problem, String regex) {
        return new Rule(problem, Pattern.compile(regex));
    }
}
