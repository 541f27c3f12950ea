package dev.canarycouncil.launcher;

import dev.canarycouncil.evals.baseline.ErrorRateThreshold;
import dev.canarycouncil.evals.baseline.RawLogsPrompt;
import dev.canarycouncil.evals.report.EvalReport;
import dev.canarycouncil.evals.report.ReportFiles;
import dev.canarycouncil.evals.scoring.AgentTrackRecord;
import dev.canarycouncil.evals.scoring.CaseResult;
import dev.canarycouncil.evals.scoring.CaseResults;
import dev.canarycouncil.evals.scoring.Expectation;
import dev.canarycouncil.evals.scoring.Scorecard;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.recorded.RecordingException;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.members.MembersConfigException;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.schema.AnalysisMode;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Verdict quality as numbers: every recording replayed through the running council, scored
 * against its expected verdict, next to the baselines.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Replay recorded rollouts through the whole council over HTTP and score the verdicts.",
            "Ends with: accuracy=… false_promote=… false_rollback=… inconclusive=… ece=… p50_ms=…",
            "Exit 0 when every floor given is met, 1 when one is missed, 3 on a usage error, 4 on a runtime error."
        })
final class EvalCommand implements Callable<Integer> {

    @Option(
            names = "--recordings",
            required = true,
            paramLabel = "DIR",
            description =
                    "A directory of recordings (each a directory with rollout.json and an expected verdict), or one recording.")
    Path recordings;

    @Option(names = "--report", paramLabel = "DIR", description = "Write eval-report.json and eval-report.html here.")
    Path reportDir;

    @Option(
            names = "--parallel",
            defaultValue = "2",
            description = "Recordings judged at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(
            names = "--min-accuracy",
            paramLabel = "RATIO",
            description = "Fail (exit 1) when accuracy is below this, e.g. 0.9.")
    Double minAccuracy;

    @Option(
            names = "--max-false-promote",
            paramLabel = "RATIO",
            description = "Fail (exit 1) when the share of broken canaries promoted is above this, e.g. 0.")
    Double maxFalsePromote;

    @Option(
            names = "--deadline",
            defaultValue = "90s",
            converter = DurationConverter.class,
            description = "How long the specialists get per analysis (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress on stderr.")
    boolean quiet;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    ModelOptions models;

    @Option(
            names = "--track-record",
            paramLabel = "FILE",
            description = "An earlier eval-report.json: weigh each member's votes by its track record instead of its "
                    + "self-reported confidence, as the orchestrator's --track-record does.")
    Path trackRecord;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 16) {
            throw new UsageException("--parallel must be within 1..16, was " + parallel);
        }
        checkRatio(minAccuracy, "--min-accuracy");
        checkRatio(maxFalsePromote, "--max-false-promote");
        ModelConfig modelConfig = models.config();
        var metricSet = metrics.metricSet();
        TrackRecords records;
        try {
            records = trackRecord == null ? TrackRecords.none() : TrackRecords.load(trackRecord);
        } catch (MembersConfigException e) {
            throw new UsageException(e.getMessage());
        }
        List<EvalRunner.Case> cases = load();
        var err = System.err;
        ProgressBar bar = new ProgressBar(err, cases.size(), System.console() != null);
        if (!quiet) {
            err.println(
                    "Evaluating " + cases.size() + " recordings from " + recordings + ", " + parallel + " at a time …");
        }
        Vertx vertx = VertxFactory.create(64);
        List<CaseResult> results;
        try {
            CouncilSettings council = CouncilSettings.defaults().withDeadline(deadline);
            results = new EvalRunner(vertx, metricSet, modelConfig, models::forRecording, council, records)
                    .run(cases, parallel, r -> {
                        if (!quiet) {
                            bar.step(r.name() + " " + (r.decision() == null ? "FAILED" : r.decision())
                                    + (r.correct()
                                            ? ""
                                            : r.falsePromote()
                                                    ? " (FALSE PROMOTE)"
                                                    : " (expected "
                                                            + r.expected().verdict() + ")"));
                        }
                    });
        } finally {
            vertx.close();
        }
        results =
                results.stream().sorted(Comparator.comparing(CaseResult::name)).toList();
        EvalReport report = report(results, modelConfig);
        printTable(report);
        if (reportDir != null) {
            for (Path p : ReportFiles.write(report, reportDir)) {
                err.println("wrote " + p);
            }
        }
        List<String> missed = new ArrayList<>();
        if (minAccuracy != null && report.council().accuracy() < minAccuracy) {
            missed.add(String.format(
                    Locale.ROOT,
                    "accuracy %.3f is below the floor %.3f",
                    report.council().accuracy(),
                    minAccuracy));
        }
        if (maxFalsePromote != null && report.council().falsePromote() > maxFalsePromote) {
            missed.add(String.format(
                    Locale.ROOT,
                    "false-promote rate %.3f is above the limit %.3f (%s)",
                    report.council().falsePromote(),
                    maxFalsePromote,
                    results.stream()
                            .filter(CaseResult::falsePromote)
                            .map(CaseResult::name)
                            .collect(Collectors.joining(", "))));
        }
        missed.forEach(m -> err.println("eval: " + m));
        System.out.println(report.council().summaryLine());
        System.out.flush();
        return missed.isEmpty() ? 0 : 1;
    }

    private List<EvalRunner.Case> load() throws IOException {
        List<Path> dirs = RecordingDirs.in(recordings);
        List<EvalRunner.Case> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                RecordedRollout rollout = RecordedRollout.load(dir);
                Expectation expected = CaseResults.expectation(rollout.manifest());
                if (expected == null) {
                    problems.add(dir.getFileName() + ": rollout.json has no expected.verdict, so it cannot be scored");
                } else {
                    cases.add(new EvalRunner.Case(EvalRunner.nameOf(dir), rollout, expected));
                }
            } catch (RecordingException e) {
                problems.add(dir.getFileName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            // Scoring a subset silently would report a figure for recordings nobody chose.
            throw new UsageException(
                    "cannot evaluate " + problems.size() + " recording(s):\n  " + String.join("\n  ", problems));
        }
        return cases;
    }

    private EvalReport report(List<CaseResult> results, ModelConfig modelConfig) {
        Map<String, Scorecard> baselines = new LinkedHashMap<>();
        baselines.put(ErrorRateThreshold.NAME, Scorecard.ofBaseline(results, ErrorRateThreshold.NAME));
        if (results.stream().anyMatch(r -> r.baselines().containsKey(RawLogsPrompt.NAME))) {
            baselines.put(RawLogsPrompt.NAME, Scorecard.ofBaseline(results, RawLogsPrompt.NAME));
        }
        String mode = !modelConfig.anyModel()
                ? AnalysisMode.DETERMINISTIC.wire()
                : AnalysisMode.MODEL_ASSISTED.wire() + " ("
                        + (modelConfig.defaults() == null
                                ? "per-agent models"
                                : modelConfig.defaults().describe()) + ")";
        return new EvalReport(
                Instant.now(),
                recordings.toString(),
                mode,
                Scorecard.of(results),
                baselines,
                Scorecard.perClass(results),
                AgentTrackRecord.of(results),
                results);
    }

    private void printTable(EvalReport r) {
        var out = System.out;
        out.printf(
                Locale.ROOT,
                "%-44s %-12s %-12s %4s %s%n",
                "recording",
                "expected",
                "decided",
                "conf",
                ErrorRateThreshold.NAME);
        for (CaseResult c : r.cases()) {
            out.printf(
                    Locale.ROOT,
                    "%-44s %-12s %-12s %4d %s%s%n",
                    c.name(),
                    c.expected().verdict(),
                    c.decision() == null ? "FAILED" : c.decision(),
                    c.confidence(),
                    c.baselines().getOrDefault(ErrorRateThreshold.NAME, null),
                    c.correct() ? "" : c.falsePromote() ? "   <-- FALSE PROMOTE" : "   <-- wrong");
        }
        out.println();
        r.baselines()
                .forEach((name, b) -> out.printf(
                        Locale.ROOT,
                        "%-22s accuracy=%.3f false_promote=%.3f false_rollback=%.3f inconclusive=%.3f tokens=%d%n",
                        name,
                        b.accuracy(),
                        b.falsePromote(),
                        b.falseRollback(),
                        b.inconclusive(),
                        b.tokens()));
        Scorecard c = r.council();
        out.printf(
                Locale.ROOT,
                "%-22s accuracy=%.3f false_promote=%.3f false_rollback=%.3f inconclusive=%.3f brier=%.3f "
                        + "root_cause_hit=%.3f p95_ms=%d tokens=%d errors=%d%n",
                "council",
                c.accuracy(),
                c.falsePromote(),
                c.falseRollback(),
                c.inconclusive(),
                c.brier(),
                c.rootCauseHit(),
                c.p95Ms(),
                c.tokens(),
                c.errors());
    }

    private static void checkRatio(Double value, String option) {
        if (value != null && (value < 0 || value > 1 || value.isNaN())) {
            throw new UsageException(option + " must be within 0..1, was " + value);
        }
    }
}
