package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migration checker: reads both sides' logs, finds the schema migrations the canary ran, looks
 * for the stable version failing on what they changed, and judges. Everything it returns or
 * streams as progress is redacted, because it quotes log lines.
 */
public final class MigrationChecker implements Specialist {

    public static final String NAME = "migration-checker";

    private final LogFetcher fetcher;
    private final MigrationReader reader;
    private final SchemaErrorScanner errors;
    private final MigrationJudge judge;
    private final Redactor redactor;
    private final FindingRedactor findingRedactor;

    public MigrationChecker(
            LogFetcher fetcher,
            MigrationReader reader,
            SchemaErrorScanner errors,
            MigrationJudge judge,
            Redactor redactor) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.errors = errors;
        this.judge = judge;
        this.redactor = redactor;
        this.findingRedactor = new FindingRedactor(redactor);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding analyze(AnalysisRequest request, Progress unredacted) throws InterruptedException {
        Progress progress = message -> unredacted.report(redactor.redact(message));
        FetchedLogs logs = fetcher.fetch(request, progress);
        CanaryMigrations found = reader.read(logs.canary());
        progress.report(
                found.migrations().isEmpty()
                        ? "no schema migration in " + logs.canaryLines() + " canary log lines"
                        : "found " + found.migrations().size() + " schema migration(s) in the canary's logs: "
                                + String.join(
                                        ", ",
                                        found.migrations().stream()
                                                .map(MigrationChecker::state)
                                                .toList()));
        List<StableBreakage> breakages = new ArrayList<>();
        List<Migration> destructive = found.migrations().stream()
                .filter(m -> m.applied(Effect.DESTRUCTIVE))
                .toList();
        if (!destructive.isEmpty()) {
            List<SchemaError> stable = errors.scan(logs.stable());
            List<SchemaError> canary = errors.scan(logs.canary());
            destructive.forEach(m -> StableBreakage.find(m, stable, canary).ifPresent(breakages::add));
            progress.report("read " + logs.stableLines() + " stable log lines: " + stable.size() + " schema errors, "
                    + breakages.size() + " tied to a destructive migration");
        }
        return findingRedactor.redact(judge.judge(found, breakages, logs));
    }

    /** {@code 42 - drop legacy price column (succeeded, destructive)}. */
    private static String state(Migration m) {
        return m.description() + " (" + m.outcome().name().toLowerCase(Locale.ROOT) + ", "
                + m.effect().name().toLowerCase(Locale.ROOT) + ")";
    }
}
