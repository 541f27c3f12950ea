package dev.canarycouncil.loganalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.bench.ServiceLogGenerator;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.mining.RateComparison;
import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.runtime.logs.LogTimestamps;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.SequentialTrace;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.testing.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The controller measures a canary again while its logs grow. Over the real MCP server, a call that
 * reads only what came since the previous one must judge exactly as one call that reads it all.
 */
class IncrementalAnalysisTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5xx-spike-payments-timeout",
                "oom-crashloop-report-cache",
                "java-npe-exception-storm-orders",
                "healthy-color-change",
                "go-panic-index-out-of-range",
                "seed-java-npe"
            })
    void twoCallsOverAGrowingLogJudgeAsOneCallOverTheWholeLog(String name) throws Exception {
        Path recording = Recordings.copy(name, temp);
        Map<Path, List<String>> later = holdBackTheSecondHalf(recording);
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            LogAnalyst measuredAgain = LogAnalystService.analyst(tools);
            AnalysisRequest request = mcp.analysisRequest(null);
            List<String> progress = new CopyOnWriteArrayList<>();
            measuredAgain.analyze(request, progress::add);
            long firstCall = newLines(progress);

            writeTheRest(later);
            progress.clear();
            Finding second = measuredAgain.analyze(request, progress::add);
            long secondCall = newLines(progress);
            Finding whole = LogAnalystService.analyst(tools).analyze(request, m -> {});

            assertEquals(whole.verdict(), second.verdict(), name);
            assertEquals(whole.confidence(), second.confidence(), name);
            assertEquals(whole.summary(), second.summary(), name);
            assertEquals(descriptions(whole), descriptions(second), name);
            long heldBack = later.values().stream().mapToLong(List::size).sum();
            assertEquals(heldBack, secondCall, "the second call reads only the lines written since the first");
            assertTrue(firstCall > 0, progress::toString);

            progress.clear();
            Finding third = measuredAgain.analyze(request, progress::add);
            assertEquals(0, newLines(progress), "nothing was written since");
            assertEquals(descriptions(whole), descriptions(third));
        }
    }

    /**
     * From the second call on, an error the canary logs more often carries its evidence call by call
     * against the boundary; the first call's evidence has none, as one step is just the totals.
     */
    @org.junit.jupiter.api.Test
    void theSecondCallShowsAnErrorTemplatesEvidenceGrowingAgainstItsBoundary() throws Exception {
        Path recording = Recordings.copy("5xx-spike-payments-timeout", temp);
        Map<Path, List<String>> later = holdBackTheSecondHalf(recording);
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            LogAnalyst analyst = LogAnalystService.analyst(tools);
            AnalysisRequest request = mcp.analysisRequest(null);
            Finding first = analyst.analyze(request, m -> {});
            assertTrue(templates(first).stream().allMatch(t -> t.sequential() == null));
            writeTheRest(later);
            AnalysisRequest aMinuteLater = AnalysisRequest.builder(
                            request.analysisId(),
                            request.namespace(),
                            request.canary(),
                            request.stable(),
                            new TimeWindow(
                                    request.window().start(),
                                    request.window().end().plusSeconds(60)))
                    .rollout(request.rollout())
                    .service(request.service())
                    .build();
            Finding second = analyst.analyze(aMinuteLater, m -> {});
            LogTemplateEvidence error = templates(second).stream()
                    .filter(t -> t.description().contains("charge failed"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(second.evidence().toString()));
            SequentialTrace trace = error.sequential();
            assertTrue(trace != null, error::toString);
            assertEquals(2, trace.points().size());
            assertTrue(trace.boundary() >= 100, "at least 1/alpha: " + trace.boundary());
            assertTrue(
                    trace.points().get(1).evidence() >= trace.boundary(),
                    "a storm of timeouts is past the boundary: " + trace.points());
            assertEquals(
                    request.window().end().plusSeconds(60),
                    trace.points().get(1).at());
        }
    }

    /**
     * A log larger than one fetch takes is cut to its newest lines at the first call; the lines cut
     * never reach the kept records, so every later finding still says so.
     */
    @org.junit.jupiter.api.Test
    void aLogCutAtTheFirstCallIsStillNamedAtTheNext() throws Exception {
        Path recording = Recordings.copy("healthy-color-change", temp);
        Path log;
        try (Stream<Path> files = Files.list(recording.resolve("logs"))) {
            log = files.filter(f -> f.getFileName().toString().startsWith("checkout-7c9d6f5b4"))
                    .findFirst()
                    .orElseThrow();
        }
        ServiceLogGenerator busy = new ServiceLogGenerator(3, Instant.parse("2026-05-05T10:00:00Z"), 12);
        // About 6 MB over the first six minutes of the window, more than the 4 MiB one fetch takes; the
        // next call fetches about three minutes, which fit.
        Files.writeString(log, busy.until(Instant.parse("2026-05-05T10:06:00Z")));
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            LogAnalyst analyst = LogAnalystService.analyst(tools);
            AnalysisRequest request = mcp.analysisRequest(null);
            Finding first = analyst.analyze(request, m -> {});
            assertTrue(
                    first.notes().stream().anyMatch(n -> n.contains("were cut to the newest lines")),
                    first.notes()::toString);
            Files.writeString(log, busy.until(Instant.parse("2026-05-05T10:07:00Z")), StandardOpenOption.APPEND);
            Finding second = analyst.analyze(request, m -> {});
            assertTrue(
                    second.notes().stream().anyMatch(n -> n.contains("were cut to the newest lines")),
                    "the second call fetched only a minute, but the kept records still lack the cut lines: "
                            + second.notes());
        }
    }

    /**
     * Kept records that reached their line limit would take nothing more and miss what the canary
     * does now; the next call reads the window again instead, as a call without kept state does.
     */
    @org.junit.jupiter.api.Test
    void keptRecordsAtTheirLineLimitAreReadAgainFromTheWindowsStart() throws Exception {
        Path recording = Recordings.copy("5xx-spike-payments-timeout", temp);
        Map<Path, List<String>> later = holdBackTheSecondHalf(recording);
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            AnalysisRequest request = mcp.analysisRequest(null);
            long firstHalf = newLines(analyse(LogAnalystService.analyst(tools), request));
            // A limit the first call stays under and the second passes.
            LogAnalyst small = new LogAnalyst(
                    new LogCollector(tools),
                    new LogJudge(LogAnalyst.NAME, RateComparison.defaults()),
                    new FindingRedactor(new Redactor()),
                    new IngestLimits(16 * 1024, firstHalf, 200));
            List<String> progress = analyse(small, request);
            assertTrue(progress.stream().noneMatch(p -> p.contains("line limit")), progress::toString);
            writeTheRest(later);
            progress = analyse(small, request);
            assertTrue(
                    progress.stream().anyMatch(p -> p.contains("reached their line limit: reading the window again")),
                    progress::toString);
        }
    }

    private static List<String> analyse(LogAnalyst analyst, AnalysisRequest request) throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        analyst.analyze(request, progress::add);
        return progress;
    }

    private static List<LogTemplateEvidence> templates(Finding f) {
        return f.evidence().stream()
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .toList();
    }

    private static void writeTheRest(Map<Path, List<String>> later) throws IOException {
        for (Map.Entry<Path, List<String>> e : later.entrySet()) {
            Files.write(e.getKey(), e.getValue(), StandardOpenOption.APPEND);
        }
    }

    /** Cuts each current container's log at the middle of its time span; returns what was cut. */
    private static Map<Path, List<String>> holdBackTheSecondHalf(Path recording) throws IOException {
        Map<Path, List<String>> later = new HashMap<>();
        try (Stream<Path> files = Files.list(recording.resolve("logs"))) {
            for (Path file :
                    files.filter(f -> !f.toString().endsWith(".previous.log")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<Instant> stamps = lines.stream()
                        .map(LogTimestamps::leading)
                        .filter(s -> s != null)
                        .toList();
                if (stamps.size() < 2) {
                    continue;
                }
                Instant middle = stamps.get(0)
                        .plus(java.time.Duration.between(stamps.get(0), stamps.get(stamps.size() - 1))
                                .dividedBy(2));
                int cut = lines.size();
                for (int i = 0; i < lines.size(); i++) {
                    Instant s = LogTimestamps.leading(lines.get(i));
                    if (s != null && s.isAfter(middle)) {
                        cut = i;
                        break;
                    }
                }
                later.put(file, new ArrayList<>(lines.subList(cut, lines.size())));
                Files.write(file, lines.subList(0, cut));
            }
        }
        return later;
    }

    /** The "read N new canary and M new stable log lines" progress line, summed. */
    private static long newLines(List<String> progress) {
        String line = progress.stream()
                .filter(p -> p.startsWith("read ") && p.contains("new canary"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reading progress in " + progress));
        String[] words = line.split(" ");
        return Long.parseLong(words[1]) + Long.parseLong(words[5]);
    }

    private static List<String> descriptions(Finding f) {
        return f.evidence().stream().map(Evidence::description).toList();
    }
}
