package dev.canarycouncil.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarycouncil.loganalyst.LogAnalyst;
import dev.canarycouncil.loganalyst.LogAnalystService;
import dev.canarycouncil.loganalyst.bench.ServiceLogGenerator;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.TimeWindow;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What a controller's call costs the log analyst at the start and at the end of an hour-long
 * window: seeded rollouts whose pods log continuously are measured once a minute through the real
 * MCP server over HTTP, by analysts that keep what they read and by analysts that read the whole
 * window at every call (as before they kept anything).
 */
final class CallCostBench {

    private static final Instant START = Instant.parse("2026-05-05T10:00:00Z");
    private static final Pattern NEW_LINES = Pattern.compile("read (\\d+) new canary and (\\d+) new stable");

    /**
     * @param podsPerSide  pods of the canary and of the stable
     * @param maxGapMillis each pod writes a record every 1 to this many milliseconds
     */
    record Settings(int rollouts, int minutes, int podsPerSide, int maxGapMillis, long seed) {}

    /** All rollouts' calls at one minute of the window, made at once, and what each concluded. */
    record Round(
            int minute,
            int calls,
            double wallSeconds,
            double cpuSeconds,
            double p50Ms,
            double maxMs,
            long lines,
            List<String> conclusions) {}

    /** The rounds measured: the first and last of each way of reading, and the kept way's every round. */
    /** @param keptHeapBytes heap the kept analysts hold after the last round, beyond what the run held before */
    record Figures(
            Settings settings,
            List<Round> kept,
            Round wholeFirst,
            Round wholeLast,
            long logBytes,
            long logLines,
            long keptHeapBytes) {

        /** Lines the kept calls read in all; equal to the lines written when nothing was lost or read twice. */
        long keptLines() {
            return kept.stream().mapToLong(Round::lines).sum();
        }

        /** Rollouts whose last kept call concluded exactly what reading the whole window did. */
        long sameConclusions() {
            List<String> k = kept.get(kept.size() - 1).conclusions();
            return IntStream.range(0, k.size())
                    .filter(i -> k.get(i).equals(wholeLast.conclusions().get(i)))
                    .count();
        }
    }

    private CallCostBench() {}

    static Figures run(Settings s, Path dir, Consumer<String> progress) throws Exception {
        Vertx vertx = Vertx.vertx();
        List<Fixture> fixtures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(s.rollouts());
        try {
            for (int r = 0; r < s.rollouts(); r++) {
                fixtures.add(Fixture.create(vertx, dir.resolve("rollout-" + r), r, s));
            }
            long heapBefore = usedHeapAfterGc();
            List<Round> kept = new ArrayList<>();
            Round wholeFirst = null;
            for (int minute = 1; minute <= s.minutes(); minute++) {
                for (Fixture f : fixtures) {
                    f.grow(START.plus(Duration.ofMinutes(minute)));
                }
                kept.add(round(minute, pool, fixtures, f -> f.kept));
                if (minute == 1) {
                    wholeFirst = round(minute, pool, fixtures, Fixture::fresh);
                }
                if (minute % 10 == 0 || minute == s.minutes()) {
                    progress.accept(String.format(
                            java.util.Locale.ROOT,
                            "minute %d of %d: %d calls in %.2f s",
                            minute,
                            s.minutes(),
                            s.rollouts(),
                            kept.get(kept.size() - 1).wallSeconds()));
                }
            }
            long keptHeap = usedHeapAfterGc() - heapBefore;
            Round wholeLast = round(s.minutes(), pool, fixtures, Fixture::fresh);
            long bytes = 0;
            long lines = 0;
            for (Fixture f : fixtures) {
                bytes += f.logBytes();
                lines += f.logLines();
            }
            return new Figures(s, kept, wholeFirst, wholeLast, bytes, lines, keptHeap);
        } finally {
            pool.shutdownNow();
            for (Fixture f : fixtures) {
                f.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** CPU time of the whole process (the MCP server's threads too), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Round round(
            int minute, ExecutorService pool, List<Fixture> fixtures, Function<Fixture, LogAnalyst> analyst)
            throws Exception {
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        List<Future<Call>> calls = new ArrayList<>();
        for (Fixture f : fixtures) {
            LogAnalyst a = analyst.apply(f);
            calls.add(pool.submit(() -> f.call(a, minute)));
        }
        List<Double> latencies = new ArrayList<>();
        List<String> conclusions = new ArrayList<>();
        long lines = 0;
        for (Future<Call> c : calls) {
            Call result = c.get();
            latencies.add(result.nanos() / 1e6);
            lines += result.lines();
            conclusions.add(result.conclusion());
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        latencies.sort(Double::compare);
        return new Round(
                minute,
                fixtures.size(),
                wall,
                cpuSeconds,
                latencies.get((latencies.size() - 1) / 2),
                latencies.get(latencies.size() - 1),
                lines,
                conclusions);
    }

    /** One call: how long it took, the log lines it read, and its verdict, confidence and summary. */
    private record Call(long nanos, long lines, String conclusion) {}

    /** One rollout: its recording directory, growing logs, MCP server and the analyst that keeps state. */
    private static final class Fixture implements AutoCloseable {
        final Path dir;
        final List<Path> logs = new ArrayList<>();
        final List<ServiceLogGenerator> writers = new ArrayList<>();
        final HttpEndpoint endpoint;
        final McpToolServer server;
        final McpToolClient client;
        final LogAnalyst kept;
        final AnalysisRequest base;

        private Fixture(Vertx vertx, Path dir, int index, Settings s, List<String> canary, List<String> stable)
                throws IOException {
            this.dir = dir;
            for (String pod : concat(canary, stable)) {
                Path log = dir.resolve("logs").resolve(pod + ".log");
                Files.writeString(log, "");
                logs.add(log);
                writers.add(
                        new ServiceLogGenerator(s.seed() * 7919 + logs.size() * 131L + index, START, s.maxGapMillis()));
            }
            this.endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
            this.server = new McpToolServer(ToolBackends.recorded(RecordedRollout.load(dir)), Duration.ofSeconds(60));
            server.mount(endpoint.router());
            this.client = new McpToolClient(endpoint.baseUrl() + McpToolServer.PATH, Duration.ofSeconds(60));
            this.kept = LogAnalystService.analyst(client);
            String ns = "bench-" + index;
            this.base = AnalysisRequest.builder(
                            "bench-" + index,
                            ns,
                            new PodGroup("7c9d6f5b4", "app=shop,rollouts-pod-template-hash=7c9d6f5b4", canary),
                            new PodGroup("5f7d8c9b6", "app=shop,rollouts-pod-template-hash=5f7d8c9b6", stable),
                            new TimeWindow(START, START.plusSeconds(60)))
                    .rollout("shop")
                    .service("shop")
                    .build();
        }

        static Fixture create(Vertx vertx, Path dir, int index, Settings s) throws IOException {
            Files.createDirectories(dir.resolve("logs"));
            List<String> canary = new ArrayList<>();
            List<String> stable = new ArrayList<>();
            for (int p = 0; p < s.podsPerSide(); p++) {
                canary.add("shop-7c9d6f5b4-c" + p);
                stable.add("shop-5f7d8c9b6-s" + p);
            }
            ObjectNode manifest = Json.mapper().createObjectNode();
            manifest.put("formatVersion", RecordedRollout.FORMAT_VERSION);
            manifest.put("description", "bench calls: seeded logs growing minute by minute");
            manifest.put("namespace", "bench-" + index);
            manifest.put("rollout", "shop");
            manifest.put("service", "shop");
            manifest.set("stable", side("5f7d8c9b6"));
            manifest.set("canary", side("7c9d6f5b4"));
            ObjectNode window = manifest.putObject("window");
            window.put("start", START.toString());
            window.put("end", START.plus(Duration.ofMinutes(s.minutes())).toString());
            Json.mapper().writeValue(dir.resolve("rollout.json").toFile(), manifest);
            ArrayNode pods = Json.mapper().createArrayNode();
            for (String pod : concat(canary, stable)) {
                String hash = pod.split("-")[1];
                ObjectNode p = pods.addObject();
                p.put("name", pod);
                p.put("namespace", "bench-" + index);
                p.putObject("labels").put("app", "shop").put("rollouts-pod-template-hash", hash);
                p.put("phase", "Running");
                p.put("ready", true);
                p.put("startTime", START.toString());
                ObjectNode c = p.putArray("containers").addObject();
                c.put("name", "app");
                c.put("image", "registry.example.com/shop:" + hash);
                c.put("ready", true);
                c.put("restartCount", 0);
                c.put("state", "running");
            }
            Json.mapper().writeValue(dir.resolve("pods.json").toFile(), pods);
            Files.writeString(dir.resolve("events.json"), "[]");
            return new Fixture(vertx, dir, index, s, canary, stable);
        }

        private static ObjectNode side(String hash) {
            ObjectNode side = Json.mapper().createObjectNode();
            side.put("podTemplateHash", hash);
            side.put("selector", "app=shop,rollouts-pod-template-hash=" + hash);
            return side;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        void grow(Instant until) throws IOException {
            for (int i = 0; i < logs.size(); i++) {
                Files.writeString(logs.get(i), writers.get(i).until(until), StandardOpenOption.APPEND);
            }
        }

        LogAnalyst fresh() {
            return LogAnalystService.analyst(client);
        }

        Call call(LogAnalyst analyst, int minute) throws Exception {
            AnalysisRequest request = AnalysisRequest.builder(
                            base.analysisId(),
                            base.namespace(),
                            base.canary(),
                            base.stable(),
                            new TimeWindow(START, START.plus(Duration.ofMinutes(minute))))
                    .rollout(base.rollout())
                    .service(base.service())
                    .build();
            long[] lines = new long[1];
            long started = System.nanoTime();
            Finding finding = analyst.analyze(request, message -> {
                Matcher m = NEW_LINES.matcher(message);
                if (m.find()) {
                    lines[0] = Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
                }
            });
            return new Call(
                    System.nanoTime() - started,
                    lines[0],
                    finding.verdict() + " " + finding.confidence() + " " + finding.summary());
        }

        long logBytes() throws IOException {
            long bytes = 0;
            for (Path log : logs) {
                bytes += Files.size(log);
            }
            return bytes;
        }

        long logLines() throws IOException {
            long lines = 0;
            for (Path log : logs) {
                try (Stream<String> all = Files.lines(log)) {
                    lines += all.count();
                }
            }
            return lines;
        }

        @Override
        public void close() {
            client.close();
            server.close();
            endpoint.close();
        }
    }
}
