package dev.canarycouncil.launcher;

import dev.canarycouncil.evals.baseline.ErrorRateThreshold;
import dev.canarycouncil.evals.baseline.RawLogsPrompt;
import dev.canarycouncil.evals.scoring.CaseResult;
import dev.canarycouncil.evals.scoring.CaseResults;
import dev.canarycouncil.evals.scoring.Expectation;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Replays recordings through the whole council over real HTTP, several at once: each case gets
 * its own MCP server (on its recording) and its own agents on free ports, exactly as `analyze`
 * runs one, and the baselines ask the same MCP server.
 */
final class EvalRunner {

    /** One recording to judge. */
    record Case(String name, RecordedRollout rollout, Expectation expected) {}

    private final Vertx vertx;
    private final MetricSetChoice metricSet;
    private final ModelConfig models;
    private final java.util.function.BiFunction<ModelConfig, Path, ModelConfig> perRecording;
    private final CouncilSettings council;
    private final MemberOptions.Resolved weighing;
    private final ErrorRateThreshold threshold = new ErrorRateThreshold(ErrorRateThreshold.DEFAULT_THRESHOLD);

    /** @param perRecording gives each recording its models (e.g. replaying its recorded replies) */
    EvalRunner(
            Vertx vertx,
            MetricSetChoice metricSet,
            ModelConfig models,
            java.util.function.BiFunction<ModelConfig, Path, ModelConfig> perRecording,
            CouncilSettings council) {
        this(vertx, metricSet, models, perRecording, council, TrackRecords.none());
    }

    /** @param trackRecords members' records to weigh votes by, as the orchestrator's --track-record does */
    EvalRunner(
            Vertx vertx,
            MetricSetChoice metricSet,
            ModelConfig models,
            java.util.function.BiFunction<ModelConfig, Path, ModelConfig> perRecording,
            CouncilSettings council,
            TrackRecords trackRecords) {
        this.weighing = new MemberOptions.Resolved(new MembersConfig(List.of(), null, null), trackRecords, null);
        this.vertx = vertx;
        this.metricSet = metricSet;
        this.models = models;
        this.perRecording = perRecording;
        this.council = council;
    }

    List<CaseResult> run(List<Case> cases, int parallel, Consumer<CaseResult> done) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, DaemonThreads.named("eval-case"));
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    CaseResult r = judge(c);
                    done.accept(r);
                    return r;
                }));
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("evaluation worker failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseResult judge(Case c) {
        long started = System.nanoTime();
        var manifest = c.rollout().manifest();
        AnalysisTarget target =
                AnalysisTarget.of(manifest.namespace(), manifest.canary().podTemplateHash());
        ModelConfig caseModels = perRecording.apply(models, c.rollout().directory());
        CouncilAssembly assembly =
                new CouncilAssembly(vertx, "127.0.0.1", A2aServerSettings.defaults(), metricSet, caseModels);
        try (LocalCouncil local = LocalCouncil.start(
                assembly,
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(c.rollout()),
                council,
                IssueWriterConfig.dryRun(null, null),
                weighing,
                line -> {})) {
            Map<String, Decision> baselines = new java.util.TreeMap<>();
            Map<String, Long> baselineTokens = new java.util.TreeMap<>();
            try (McpToolClient tools =
                    new McpToolClient(local.part(CouncilAssembly.MCP_TOOLS).url() + "/mcp", Duration.ofSeconds(30))) {
                baselines.put(
                        ErrorRateThreshold.NAME,
                        threshold.judge(tools, manifest.canary().podTemplateHash(), manifest.window()));
            }
            var rawLogsModel = caseModels.session(RawLogsPrompt.AGENT, true);
            if (rawLogsModel.isPresent()) {
                try (var session = rawLogsModel.get()) {
                    RawLogsPrompt.Judgement j = new RawLogsPrompt(session)
                            .judge(
                                    c.rollout().directory(),
                                    manifest.canary().podTemplateHash(),
                                    manifest.stable().podTemplateHash());
                    baselines.put(RawLogsPrompt.NAME, j.decision());
                    baselineTokens.put(RawLogsPrompt.NAME, j.tokens());
                }
            }
            long analysisStart = System.nanoTime();
            Verdict v = AnalysisClient.analyze(local.orchestratorUrl(), target, timeout(), m -> {});
            long ms = (System.nanoTime() - analysisStart) / 1_000_000;
            return CaseResults.judged(c.name(), c.expected(), v, ms, baselines, baselineTokens);
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return CaseResults.failed(c.name(), c.expected(), why, (System.nanoTime() - started) / 1_000_000, Map.of());
        }
    }

    private Duration timeout() {
        return council.deadline()
                .plus(council.issueDeadline())
                .plusSeconds(30)
                .plus(models.anyModel() ? models.reviewTimeout().multipliedBy(2) : Duration.ZERO);
    }

    static String nameOf(Path dir) {
        return dir.getFileName().toString();
    }
}
