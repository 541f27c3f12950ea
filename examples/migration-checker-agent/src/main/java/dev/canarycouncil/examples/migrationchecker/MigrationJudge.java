package dev.canarycouncil.examples.migrationchecker;

import static dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect.ADDITIVE;
import static dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect.DESTRUCTIVE;
import static dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect.UNKNOWN;

import dev.canarycouncil.examples.migrationchecker.Migration.Outcome;
import dev.canarycouncil.runtime.logs.LogMessages;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides from the canary's migrations. A destructive migration the canary applied, a failed one,
 * or a migration tool that refused to run means ROLLBACK; only additive migrations mean PROMOTE,
 * with the moderate confidence of one aspect judged; anything else is INCONCLUSIVE, because a
 * missing migration proves nothing about the release.
 */
public final class MigrationJudge {

    /** Above the council's default veto (80): the stable version serves most traffic on the changed schema. */
    static final int CONFIDENCE_DESTRUCTIVE = 85;
    /** The stable's own logs show it failing on what the migration changed. */
    static final int CONFIDENCE_CONFIRMED = 95;

    static final int CONFIDENCE_FAILED = 90;
    /** Pending migrations or a checksum mismatch: the canary will not start on this database as it is. */
    static final int CONFIDENCE_INVALID = 85;
    /** Additive changes are safe for the old version, but this agent sees only one aspect of the release. */
    static final int CONFIDENCE_ADDITIVE = 60;

    static final int CONFIDENCE_UNCLASSIFIED = 40;

    /** One argument for rolling back, and how sure it alone makes us. */
    private record Reason(int confidence, String text) {}

    private final String agent;

    public MigrationJudge(String agent) {
        this.agent = agent;
    }

    public Finding judge(CanaryMigrations found, List<StableBreakage> breakages, FetchedLogs logs) {
        List<String> notes = logs.notes();
        if (logs.canary().isEmpty()) {
            return new Finding(agent, Decision.INCONCLUSIVE, 0, "could not read the canary's logs", List.of(), notes);
        }
        List<Migration> all = found.migrations();
        if (all.isEmpty()) {
            String summary = "no schema migration in the canary's logs"
                    + (found.schemaUpToDate() ? ": its migration tool found the schema up to date" : "");
            return new Finding(agent, Decision.INCONCLUSIVE, 0, summary, List.of(), notes);
        }
        List<Migration> destructive =
                all.stream().filter(m -> m.applied(DESTRUCTIVE)).toList();
        List<Migration> failed =
                all.stream().filter(m -> m.outcome() == Outcome.FAILED).toList();
        List<Migration> invalid =
                all.stream().filter(m -> m.outcome() == Outcome.INVALID).toList();
        List<Migration> additive = all.stream().filter(m -> m.applied(ADDITIVE)).toList();
        List<Migration> unclassified =
                all.stream().filter(m -> m.applied(UNKNOWN)).toList();

        List<Evidence> evidence = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        for (Migration m : destructive) {
            // The cause first, then what it did to the stable version when its logs show it.
            evidence.add(migration(
                    m,
                    causeFirst(m),
                    Severity.CRITICAL,
                    "destructive-migration",
                    "the canary applied a destructive schema migration ("
                            + m.tool().label() + ") " + quote(m.description()) + ": " + m.describe(DESTRUCTIVE),
                    logs));
            Optional<StableBreakage> broke =
                    breakages.stream().filter(b -> b.migration().equals(m)).findFirst();
            if (broke.isPresent()) {
                StableBreakage b = broke.get();
                evidence.add(breakage(b, logs));
                reasons.add(new Reason(
                        CONFIDENCE_CONFIRMED,
                        "the canary's migration " + quote(m.description()) + " ("
                                + m.describe(DESTRUCTIVE) + ") broke the stable version: it logged " + b.stableErrors()
                                + " "
                                + b.problem() + " errors naming " + b.identifier() + " after it, none before"));
            } else {
                reasons.add(new Reason(
                        CONFIDENCE_DESTRUCTIVE,
                        "the canary applied a destructive schema migration " + quote(m.description())
                                + " (" + m.describe(DESTRUCTIVE)
                                + "); the stable version, which shares the database and still serves "
                                + "most traffic, may depend on what it changed"));
            }
        }
        for (Migration m : failed) {
            reasons.add(new Reason(
                    CONFIDENCE_FAILED,
                    "the canary's schema migration " + quote(m.description()) + " failed: " + m.failure()));
            evidence.add(migration(
                    m,
                    Severity.CRITICAL,
                    "failed-migration",
                    "the canary's schema migration (" + m.tool().label() + ") " + quote(m.description()) + " failed: "
                            + m.failure(),
                    logs));
        }
        for (Migration m : invalid) {
            reasons.add(new Reason(
                    CONFIDENCE_INVALID,
                    "the canary's migration tool (" + m.tool().label() + ") refused to migrate: " + m.failure()));
            evidence.add(migration(
                    m,
                    Severity.CRITICAL,
                    "invalid-migration",
                    "the canary's migration tool (" + m.tool().label() + ") refused to migrate: " + m.failure(),
                    logs));
        }
        for (Migration m : unclassified) {
            evidence.add(migration(
                    m,
                    Severity.WARNING,
                    "unclassified-migration",
                    "the canary applied a schema migration (" + m.tool().label() + ") " + quote(m.description())
                            + " whose effect on the stable version its logs do not show",
                    logs));
        }
        for (Migration m : additive) {
            evidence.add(migration(
                    m,
                    Severity.INFO,
                    "additive-migration",
                    "the canary applied an additive schema migration ("
                            + m.tool().label() + ") " + quote(m.description()) + ": " + m.describe(ADDITIVE)
                            + "; the stable version can run against it",
                    logs));
        }

        if (!reasons.isEmpty()) {
            Reason strongest = reasons.stream()
                    .max(Comparator.comparingInt(Reason::confidence))
                    .orElseThrow();
            String summary = capitalise(strongest.text())
                    + (reasons.size() > 1
                            ? " (and " + (reasons.size() - 1) + " more migration problem"
                                    + (reasons.size() > 2 ? "s" : "") + ")"
                            : "")
                    + ".";
            return new Finding(agent, Decision.ROLLBACK, strongest.confidence(), summary, evidence, notes);
        }
        if (!unclassified.isEmpty()) {
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    CONFIDENCE_UNCLASSIFIED,
                    "The canary applied schema migrations whose effect its " + "logs do not show ("
                            + names(unclassified) + "); check that the stable version can run against them.",
                    evidence,
                    notes);
        }
        return new Finding(
                agent,
                Decision.PROMOTE,
                CONFIDENCE_ADDITIVE,
                "The canary applied only additive schema migrations ("
                        + additive.stream()
                                .map(m -> quote(m.description()) + ": " + m.describe(ADDITIVE))
                                .collect(Collectors.joining("; "))
                        + "), which the stable version can run against.",
                evidence,
                notes);
    }

    private static LogTemplateEvidence migration(
            Migration m, Severity severity, String signature, String description, FetchedLogs logs) {
        return migration(m, m.samples(), severity, signature, description, logs);
    }

    private static LogTemplateEvidence migration(
            Migration m,
            List<String> samples,
            Severity severity,
            String signature,
            String description,
            FetchedLogs logs) {
        return new LogTemplateEvidence(
                description,
                severity,
                template(samples),
                signature,
                null,
                null,
                m.lines(),
                0,
                logs.canaryLines(),
                logs.stableLines(),
                m.firstSeen(),
                samples,
                "canary " + String.join(", ", m.pods()));
    }

    /**
     * The lines that state a destructive change first: the coordinator quotes an evidence item's
     * first sample as the root cause, and "ALTER TABLE orders DROP COLUMN legacy_price" says more
     * than "Migrating schema to version 42".
     */
    private static List<String> causeFirst(Migration m) {
        List<String> statements = m.changes().stream()
                .filter(c -> c.effect() == DESTRUCTIVE && c.identifier() != null)
                .map(SchemaChange::text)
                .toList();
        return m.samples().stream()
                .sorted(Comparator.comparing(
                        (String line) -> statements.stream().noneMatch(line::contains)))
                .toList();
    }

    private static LogTemplateEvidence breakage(StableBreakage b, FetchedLogs logs) {
        Migration m = b.migration();
        String description =
                "the stable logged " + b.stableErrors() + " " + b.problem() + " errors naming " + b.identifier()
                        + " after the canary's migration " + quote(m.description())
                        + (m.firstSeen() == null ? "" : " at " + m.firstSeen())
                        + ", none before it; the canary logged " + (b.canaryErrors() == 0 ? "none" : b.canaryErrors());
        // firstSeen is the canary-side moment: when the migration that caused these errors ran.
        return new LogTemplateEvidence(
                description,
                Severity.CRITICAL,
                template(b.samples()),
                "schema-mismatch",
                null,
                null,
                b.canaryErrors(),
                b.stableErrors(),
                logs.canaryLines(),
                logs.stableLines(),
                m.firstSeen(),
                b.samples(),
                "stable " + String.join(", ", b.pods()));
    }

    private static String template(List<String> samples) {
        return samples.isEmpty() ? "" : LogMessages.message(samples.get(0));
    }

    private static String names(List<Migration> migrations) {
        return migrations.stream().map(m -> quote(m.description())).collect(Collectors.joining(", "));
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
