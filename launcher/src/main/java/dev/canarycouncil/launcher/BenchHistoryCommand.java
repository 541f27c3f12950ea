package dev.canarycouncil.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.evals.scoring.Scorecard;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Concurrent analyses against one orchestrator, every one kept in the history: how many per second,
 * how long each took, and how long after the last verdict the history held them all.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Run N analyses of one recording, C at a time, over A2A, with the history in memory, in an embedded "
                    + "H2 in a temporary directory, or in PostgreSQL (--history-url).",
            "Ends with: store=… analyses=… concurrency=… analyses_per_s=… p50_ms=… p95_ms=… stored=… write_lag_ms=…"
        })
final class BenchHistoryCommand implements Callable<Integer> {

    @Option(
            names = "--recording",
            defaultValue = "evals/recordings/go-panic-index-out-of-range",
            paramLabel = "DIR",
            description = "The recorded rollout analysed every time (default: ${DEFAULT-VALUE}).")
    Path recording;

    @Option(names = "--analyses", defaultValue = "50", description = "How many analyses (default: ${DEFAULT-VALUE}).")
    int analyses;

    @Option(
            names = "--concurrency",
            defaultValue = "50",
            description = "How many run at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--store",
            defaultValue = "embedded",
            description = "memory, embedded, or postgresql (with --history-url; default: ${DEFAULT-VALUE}).")
    Store store;

    /** Where the bench keeps the history; the names are what --store takes. */
    enum Store {
        memory,
        embedded,
        postgresql
    }

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        if (analyses < 1 || concurrency < 1 || concurrency > 64) {
            throw new UsageException("--analyses must be at least 1 and --concurrency 1 to 64 (the orchestrator's "
                    + "concurrent A2A tasks)");
        }
        HistorySettings where = switch (store) {
            case memory -> HistorySettings.inMemory();
            case embedded ->
                HistorySettings.embedded(Files.createTempDirectory("bench-history"), HistorySettings.DEFAULT_RETENTION);
            case postgresql -> {
                if (history.url == null || history.url.isBlank()) {
                    throw new UsageException("--store postgresql needs --history-url and --history-user");
                }
                yield history.settings();
            }
        };
        RecordedRollout rollout;
        try {
            rollout = RecordedRollout.load(recording);
        } catch (dev.canarycouncil.mcp.recorded.RecordingException e) {
            throw new UsageException("invalid recording: " + e.getMessage());
        }
        Vertx vertx = VertxFactory.create(128);
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(
                                vertx,
                                "127.0.0.1",
                                A2aServerSettings.defaults(),
                                PresetCatalog.defaultSet(),
                                ModelConfig.none())
                        .withHistory(where),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(rollout),
                CouncilSettings.defaults(),
                IssueWriterConfig.dryRun(null, null),
                line -> {})) {
            long before = stored(council.orchestratorUrl());
            AnalysisTarget target = AnalysisTarget.of(
                    rollout.manifest().namespace(), rollout.manifest().canary().podTemplateHash());
            System.err.printf(
                    Locale.ROOT, "%d analyses, %d at a time, history %s%n", analyses, concurrency, where.describe());
            ExecutorService callers = Executors.newFixedThreadPool(concurrency);
            long started = System.nanoTime();
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < analyses; i++) {
                calls.add(callers.submit(() -> {
                    long t = System.nanoTime();
                    AnalysisClient.analyze(council.orchestratorUrl(), target, Duration.ofMinutes(5), m -> {});
                    return Duration.ofNanos(System.nanoTime() - t).toMillis();
                }));
            }
            long[] latencies = new long[analyses];
            for (int i = 0; i < analyses; i++) {
                latencies[i] = calls.get(i).get();
            }
            long allAnswered = System.nanoTime();
            callers.shutdown();
            long count = before;
            while (count < before + analyses
                    && System.nanoTime() - allAnswered < Duration.ofSeconds(60).toNanos()) {
                Thread.sleep(20);
                count = stored(council.orchestratorUrl());
            }
            long lag = Duration.ofNanos(System.nanoTime() - allAnswered).toMillis();
            double seconds = (allAnswered - started) / 1e9;
            Arrays.sort(latencies);
            System.out.printf(
                    Locale.ROOT,
                    "store=%s analyses=%d concurrency=%d analyses_per_s=%.2f p50_ms=%d p95_ms=%d stored=%d write_lag_ms=%d%n",
                    where.kind().name().toLowerCase(Locale.ROOT),
                    analyses,
                    concurrency,
                    analyses / seconds,
                    Scorecard.percentile(latencies, 50),
                    Scorecard.percentile(latencies, 95),
                    count - before,
                    lag);
            return count - before == analyses ? 0 : ExitCodes.RUNTIME;
        } finally {
            vertx.close();
        }
    }

    private static long stored(String orchestratorUrl) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(orchestratorUrl + "/api/v1/history"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.mapper().readTree(r.body());
        return body.path("analyses").asLong();
    }
}
