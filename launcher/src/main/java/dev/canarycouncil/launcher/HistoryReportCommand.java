package dev.canarycouncil.launcher;

import dev.canarycouncil.evals.report.EvalReport;
import dev.canarycouncil.evals.report.ReportFiles;
import dev.canarycouncil.evals.scoring.AgentTrackRecord;
import dev.canarycouncil.evals.scoring.CaseResult;
import dev.canarycouncil.evals.scoring.CaseResults;
import dev.canarycouncil.evals.scoring.Expectation;
import dev.canarycouncil.evals.scoring.Scorecard;
import dev.canarycouncil.orchestrator.history.AnalysisStore;
import dev.canarycouncil.orchestrator.history.FixLoops;
import dev.canarycouncil.orchestrator.history.RolloutOutcome;
import dev.canarycouncil.orchestrator.history.StoredAnalysis;
import dev.canarycouncil.runtime.schema.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The eval report of production: every kept analysis whose canary's outcome is known, scored
 * against what the canary turned out to deserve (promoted and kept: PROMOTE; aborted or rolled back
 * by hand: ROLLBACK). Its {@code eval-report.json} is what {@code serve --track-record} reads.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Score the kept analyses against what became of each canary, as `eval` scores recordings.",
            "Ends with: accuracy=… false_promote=… false_rollback=… inconclusive=… ece=… p50_ms=…"
        })
final class HistoryReportCommand implements Callable<Integer> {

    @Mixin
    HistoryOptions history;

    @Option(
            names = "--since-days",
            paramLabel = "DAYS",
            defaultValue = "30",
            description = "Analyses decided in the last DAYS days (default: ${DEFAULT-VALUE}).")
    int sinceDays;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write DIR/eval-report.json (and .html), usable as --track-record.")
    Path reportDir;

    /** Per service, how the remediation loop ran: rollback to issue, to pull request, to verified fix. */
    private void printLoops(List<FixLoops.Loop> loops) {
        if (loops.isEmpty()) {
            System.out.println("no remediation issue was filed or checked in the last " + sinceDays + " days");
            return;
        }
        System.out.println("remediation loops (median time from the rollback; issues reaching the step):");
        for (FixLoops.Loop l : loops) {
            System.out.println("  " + l.namespace() + "/" + l.rollout() + ": " + l.text());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (sinceDays < 1) {
            throw new UsageException("--since-days must be at least 1, was " + sinceDays);
        }
        List<CaseResult> cases = new ArrayList<>();
        int unscored = 0;
        List<FixLoops.Loop> loops;
        try (AnalysisStore store = AnalysisStore.open(history.settings())) {
            loops = FixLoops.of(store.fixSteps(Instant.now().minus(Duration.ofDays(sinceDays))));
            for (String id : store.withOutcome(Instant.now().minus(Duration.ofDays(sinceDays)))) {
                Optional<StoredAnalysis> kept = store.find(id);
                Optional<RolloutOutcome> outcome = kept.flatMap(k -> k.summary().outcome());
                Optional<Decision> deserved = outcome.flatMap(RolloutOutcome::deserved);
                if (deserved.isEmpty()) {
                    unscored++;
                    continue;
                }
                StoredAnalysis a = kept.get();
                Expectation expected = new Expectation(
                        deserved.get(), "production-" + outcome.get().name().toLowerCase(Locale.ROOT), "", List.of());
                cases.add(CaseResults.judged(
                        a.summary().namespace() + "/" + a.summary().rollout() + " "
                                + a.summary().canaryHash() + " " + id,
                        expected,
                        a.verdict(),
                        a.summary().durationMs(),
                        Map.of(),
                        Map.of()));
            }
        }
        printLoops(loops);
        if (cases.isEmpty()) {
            System.out.println("no kept analysis of the last " + sinceDays + " days has a known outcome yet"
                    + (unscored > 0 ? " (" + unscored + " superseded by a later revision)" : "")
                    + "; outcomes are read from Argo Rollouts' status by `serve` in live mode");
            return ExitCodes.PROMOTE;
        }
        for (CaseResult c : cases) {
            System.out.printf(
                    Locale.ROOT,
                    "%-70s deserved %-9s decided %-12s %3d%%%s%n",
                    c.name(),
                    c.expected().verdict(),
                    c.decision(),
                    c.confidence(),
                    c.correct() ? "" : c.falsePromote() ? "   <-- FALSE PROMOTE" : "   <-- wrong");
        }
        if (unscored > 0) {
            System.out.println(unscored + " superseded canary(ies) not scored: a later revision replaced them first");
        }
        EvalReport report = new EvalReport(
                Instant.now(),
                history.settings().describe(),
                "production",
                Scorecard.of(cases),
                Map.of(),
                Scorecard.perClass(cases),
                AgentTrackRecord.of(cases),
                cases);
        if (reportDir != null) {
            for (Path written : ReportFiles.write(report, reportDir)) {
                System.out.println("wrote " + written);
            }
        }
        System.out.println(report.council().summaryLine());
        return ExitCodes.PROMOTE;
    }
}
