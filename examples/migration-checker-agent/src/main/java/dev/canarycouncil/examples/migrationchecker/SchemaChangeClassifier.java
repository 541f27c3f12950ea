package dev.canarycouncil.examples.migrationchecker;

import static dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect.ADDITIVE;
import static dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect.DESTRUCTIVE;

import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says whether a schema change is safe for the old version that shares the database, from a DDL
 * statement, a Rails migration call, a Liquibase change message, or only a migration's description.
 *
 * <p>Destructive rules come before additive ones: an {@code ALTER TABLE} that adds one column and
 * drops another is destructive, and an {@code ADD COLUMN ... NOT NULL} without a default breaks
 * the old version's inserts, which do not know the column.
 */
public final class SchemaChangeClassifier {

    private record Rule(MigrationTool source, Effect effect, String action, int identifierGroup, Pattern pattern) {}

    private static final String ID = "[\"`\\[]?([\\w.]+)[\"`\\]]?";
    private static final String TABLE_HEAD = "(?i)\\bALTER\\s+TABLE\\s+(?:(?:IF\\s+EXISTS|ONLY)\\s+)*" + ID;
    private static final String ALTER_TABLE = TABLE_HEAD + "\\s.*?";
    /** The rest of one clause of a multi-clause ALTER TABLE; commas inside types such as numeric(10,2) do not end it. */
    private static final String CLAUSE = "(?:(?!,\\s*(?:ADD|DROP|ALTER|RENAME|MODIFY|CHANGE)\\b)[^;])*";
    /** What may follow ADD or DROP without being a column. */
    private static final String NOT_A_COLUMN =
            "(?!(?:CONSTRAINT|INDEX|KEY|PRIMARY|FOREIGN|UNIQUE|CHECK|DEFAULT|NOT|IDENTITY|EXPRESSION|PARTITION)\\b)";

    private static final String SYMBOL = ":?[\"']?(\\w+)[\"']?";

    private static final List<Rule> STATEMENTS = List.of(
            // SQL, as migration tools echo it and as Hibernate prints its DDL.
            sql(
                    DESTRUCTIVE,
                    "drop column",
                    2,
                    ALTER_TABLE + "\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + NOT_A_COLUMN + ID),
            sql(
                    DESTRUCTIVE,
                    "rename column",
                    2,
                    ALTER_TABLE + "\\bRENAME\\s+(?:COLUMN\\s+)?(?!(?:TO|CONSTRAINT)\\b)" + ID + "\\s+TO\\b"),
            sql(DESTRUCTIVE, "rename table", 1, TABLE_HEAD + "\\s+RENAME\\s+TO\\b"),
            sql(DESTRUCTIVE, "rename table", 1, "(?i)\\bRENAME\\s+TABLE\\s+" + ID + "\\s+TO\\b"),
            sql(
                    DESTRUCTIVE,
                    "set not null",
                    2,
                    ALTER_TABLE + "\\bALTER\\s+(?:COLUMN\\s+)?" + ID + "\\s+SET\\s+NOT\\s+NULL\\b"),
            sql(
                    DESTRUCTIVE,
                    "change column type",
                    2,
                    ALTER_TABLE + "\\bALTER\\s+(?:COLUMN\\s+)?" + ID + "\\s+(?:SET\\s+DATA\\s+)?TYPE\\b"),
            sql(DESTRUCTIVE, "change column type", 2, ALTER_TABLE + "\\b(?:MODIFY|CHANGE)\\s+(?:COLUMN\\s+)?" + ID),
            sql(
                    DESTRUCTIVE,
                    "add not-null column without default",
                    2,
                    ALTER_TABLE + "\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NOT_A_COLUMN + ID + "(?="
                            + CLAUSE + "\\bNOT\\s+NULL\\b)(?!" + CLAUSE + "\\bDEFAULT\\b)"),
            sql(DESTRUCTIVE, "drop table", 1, "(?i)\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + ID),
            sql(
                    ADDITIVE,
                    "add column",
                    2,
                    ALTER_TABLE + "\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NOT_A_COLUMN + ID),
            sql(
                    ADDITIVE,
                    "create table",
                    1,
                    "(?i)\\bCREATE\\s+(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + ID),
            sql(
                    ADDITIVE,
                    "create index",
                    1,
                    "(?i)\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + ID),

            // Rails: what `rails db:migrate` prints for each call, e.g. "-- remove_column(:orders, :legacy_price)".
            rails(DESTRUCTIVE, "drop column", 2, "\\bremove_columns?\\(\\s*" + SYMBOL + ",\\s*" + SYMBOL),
            rails(DESTRUCTIVE, "rename column", 2, "\\brename_column\\(\\s*" + SYMBOL + ",\\s*" + SYMBOL),
            rails(
                    DESTRUCTIVE,
                    "set not null",
                    2,
                    "\\bchange_column_null\\(\\s*" + SYMBOL + ",\\s*" + SYMBOL + ",\\s*false"),
            rails(DESTRUCTIVE, "change column type", 2, "\\bchange_column\\(\\s*" + SYMBOL + ",\\s*" + SYMBOL),
            rails(DESTRUCTIVE, "drop table", 1, "\\bdrop_table\\(\\s*" + SYMBOL),
            rails(DESTRUCTIVE, "rename table", 1, "\\brename_table\\(\\s*" + SYMBOL),
            rails(
                    DESTRUCTIVE,
                    "add not-null column without default",
                    2,
                    "\\badd_column\\(\\s*" + SYMBOL + ",\\s*" + SYMBOL
                            + "(?=[^)]*\\bnull:\\s*false)(?![^)]*\\bdefault:)"),
            rails(ADDITIVE, "add column", 2, "\\badd_column\\(\\s*" + SYMBOL + ",\\s*" + SYMBOL),
            rails(ADDITIVE, "create table", 1, "\\bcreate_table\\(\\s*" + SYMBOL),
            rails(ADDITIVE, "create index", 1, "\\badd_index\\(\\s*" + SYMBOL),

            // Liquibase: each change's confirmation message, logged after it ran.
            liquibase(DESTRUCTIVE, "drop column", 1, "\\bColumn ([\\w.]+) dropped\\b"),
            liquibase(DESTRUCTIVE, "drop column", 1, "\\bColumns ([\\w.,]+) dropped from\\b"),
            liquibase(DESTRUCTIVE, "rename column", 1, "\\bColumn ([\\w.]+) renamed to\\b"),
            liquibase(DESTRUCTIVE, "set not null", 1, "\\bNull constraint has been added to ([\\w.]+)"),
            liquibase(DESTRUCTIVE, "change column type", 1, "\\b([\\w.]+) datatype was changed to\\b"),
            liquibase(DESTRUCTIVE, "drop table", 1, "\\bTable (\\w+) dropped\\b"),
            liquibase(DESTRUCTIVE, "rename table", 1, "\\bTable (\\w+) renamed to\\b"),
            liquibase(ADDITIVE, "add column", 1, "\\bColumns? (\\w+)\\(.*?\\) added to\\b"),
            liquibase(ADDITIVE, "create table", 1, "\\bTable (\\w+) created\\b"),
            liquibase(ADDITIVE, "create index", 1, "\\bIndex (\\w+) created\\b"));

    /** Read from a migration's words ("42 - drop legacy price column", "RemoveLegacyPrice"), which name no identifier. */
    private static final List<Rule> DESCRIPTIONS = List.of(
            words(
                    DESTRUCTIVE,
                    "drop",
                    "\\b(?:drop|drops|dropped|dropping|remove|removes|removed|removing|delete|deletes|deleted)\\b"),
            words(DESTRUCTIVE, "rename", "\\brenam(?:e|es|ed|ing)\\b"),
            words(DESTRUCTIVE, "set not null", "\\b(?:not null|non null|nonnull)\\b"),
            words(
                    DESTRUCTIVE,
                    "change column type",
                    "\\b(?:change|changes|alter|alters|modify|convert|widen|narrow)\\b.*\\btypes?\\b"),
            words(ADDITIVE, "add", "\\b(?:add|adds|added|adding|create|creates|created|introduce|introduces)\\b"));

    private static final int MAX_TEXT = 200;

    /** The schema change a log line states, when it states one. */
    public Optional<SchemaChange> statement(String line) {
        for (Rule rule : STATEMENTS) {
            Matcher m = rule.pattern().matcher(line);
            if (m.find()) {
                String text = line.substring(m.start()).strip();
                text = text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
                return Optional.of(new SchemaChange(
                        rule.effect(),
                        rule.action(),
                        identifier(m.group(rule.identifierGroup())),
                        rule.source(),
                        text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text));
            }
        }
        return Optional.empty();
    }

    /** What a migration's description says it does; {@link Effect#UNKNOWN} when its words do not tell. */
    public SchemaChange description(MigrationTool tool, String description) {
        String words = Words.normalised(description);
        for (Rule rule : DESCRIPTIONS) {
            if (rule.pattern().matcher(words).find()) {
                return new SchemaChange(rule.effect(), rule.action(), null, tool, description);
            }
        }
        return new SchemaChange(Effect.UNKNOWN, "change", null, tool, description);
    }

    /** {@code orders.legacy_price} and {@code a,b} name {@code legacy_price} and {@code a}. */
    private static String identifier(String raw) {
        String first = raw.split(",")[0];
        return first.substring(first.lastIndexOf('.') + 1);
    }

    private static Rule sql(Effect effect, String action, int group, String regex) {
        return new Rule(MigrationTool.SQL, effect, action, group, Pattern.compile(regex));
    }

    private static Rule rails(Effect effect, String action, int group, String regex) {
        return new Rule(MigrationTool.RAILS, effect, action, group, Pattern.compile(regex));
    }

    private static Rule liquibase(Effect effect, String action, int group, String regex) {
        return new Rule(MigrationTool.LIQUIBASE, effect, action, group, Pattern.compile(regex));
    }

    private static Rule words(Effect effect, String action, String regex) {
        return new Rule(null, effect, action, 0, Pattern.compile(regex));
    }
}
