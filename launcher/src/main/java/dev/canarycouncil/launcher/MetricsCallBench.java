package dev.canarycouncil.launcher;

import dev.canarycouncil.evals.generator.HourLongRollout;
import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.MetricsJudge;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.tools.RolloutPods;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The metrics judge's side of `bench calls`: a generated healthy canary over an hour, its metrics
 * in the recorded backend's PromQL engine behind the real MCP server, judged once a minute by a
 * judge that keeps the steps it read and by a fresh one reading the whole window.
 */
final class MetricsCallBench {

    /** One call: wall milliseconds and process CPU seconds. */
    record Cost(double ms, double cpuSeconds) {}

    /**
     * @param sameConclusions calls at which both judges concluded exactly alike (verdict, confidence, summary)
     */
    record Figures(Cost keptFirst, Cost keptLast, Cost wholeFirst, Cost wholeLast, int sameConclusions, int calls) {}

    private MetricsCallBench() {}

    static Figures run(Path dir, int minutes, long seed) throws Exception {
        RecordedRollout recording = RecordedRollout.load(HourLongRollout.write(dir, seed));
        Vertx vertx = Vertx.vertx();
        HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        McpToolServer server = new McpToolServer(ToolBackends.recorded(recording), Duration.ofSeconds(60));
        server.mount(endpoint.router());
        try (McpToolClient tools = new McpToolClient(endpoint.baseUrl() + McpToolServer.PATH, Duration.ofSeconds(60))) {
            RolloutPods pods = new RecordedClusterBackend(recording)
                    .resolve(
                            recording.manifest().namespace(),
                            recording.manifest().canary().podTemplateHash(),
                            null);
            MetricsJudge kept = new MetricsJudge(MetricsAgent.NAME, tools, MetricSetChoice.auto());
            Cost keptFirst = null;
            Cost keptLast = null;
            Cost wholeFirst = null;
            Cost wholeLast = null;
            int same = 0;
            int calls = Math.min(minutes, (int) pods.window().length().toMinutes());
            for (int minute = 1; minute <= calls; minute++) {
                AnalysisRequest request = AnalysisRequest.builder(
                                "bench-metrics",
                                pods.namespace(),
                                pods.canary(),
                                pods.stable(),
                                new TimeWindow(
                                        pods.window().start(),
                                        pods.window().start().plus(Duration.ofMinutes(minute))))
                        .rollout(pods.rollout())
                        .service(pods.service())
                        .build();
                Measured k = measure(kept, request);
                Measured w = measure(new MetricsJudge(MetricsAgent.NAME, tools, MetricSetChoice.auto()), request);
                same += k.conclusion().equals(w.conclusion()) ? 1 : 0;
                if (minute == 1) {
                    keptFirst = k.cost();
                    wholeFirst = w.cost();
                }
                keptLast = k.cost();
                wholeLast = w.cost();
            }
            return new Figures(keptFirst, keptLast, wholeFirst, wholeLast, same, calls);
        } finally {
            server.close();
            endpoint.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private record Measured(Cost cost, String conclusion) {}

    private static Measured measure(MetricsJudge judge, AnalysisRequest request) throws InterruptedException {
        long cpu = CallCostBench.processCpuNanos();
        long started = System.nanoTime();
        Finding f = judge.judge(request, message -> {});
        Cost cost = new Cost((System.nanoTime() - started) / 1e6, (CallCostBench.processCpuNanos() - cpu) / 1e9);
        return new Measured(cost, f.verdict() + " " + f.confidence() + " " + f.summary());
    }
}
