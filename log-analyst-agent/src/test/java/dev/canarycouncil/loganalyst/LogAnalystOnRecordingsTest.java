package dev.canarycouncil.loganalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.InlineLogs;
import dev.canarycouncil.runtime.testing.Recordings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The log analyst reading the bundled recordings through the real MCP server. */
class LogAnalystOnRecordingsTest {

    private static Finding analyse(RecordedMcpServer mcp, InlineLogs inline, List<String> progress) throws Exception {
        try (McpToolClient tools = mcp.client()) {
            return LogAnalystService.analyst(tools).analyze(mcp.analysisRequest(inline), progress::add);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "healthy-color-change, PROMOTE, ",
        "go-panic-index-out-of-range, ROLLBACK, index out of range",
        "5xx-spike-payments-timeout, ROLLBACK, charge failed: context deadline exceeded",
        "oom-crashloop-report-cache, ROLLBACK, OOMKilled"
    })
    void judgesEachBundledRecording(String recording, Decision expected, String evidence) throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named(recording))) {
            List<String> progress = new CopyOnWriteArrayList<>();
            Finding f = analyse(mcp, null, progress);
            assertEquals(expected, f.verdict(), f::toString);
            if (evidence != null) {
                assertTrue(
                        f.evidence().stream().anyMatch(e -> e.description().contains(evidence)),
                        f.evidence()::toString);
            }
            assertTrue(progress.stream().anyMatch(p -> p.startsWith("reading canary pods")), progress::toString);
        }
    }

    @Test
    void logsSentInTheRequestReplaceFetchedLogs() throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("healthy-color-change"))) {
            String normal = "level=info msg=served\n".repeat(60);
            Finding f = analyse(
                    mcp,
                    new InlineLogs(normal, normal + "panic: assignment to entry in nil map\n"),
                    new CopyOnWriteArrayList<>());
            assertEquals(Decision.ROLLBACK, f.verdict());
            assertTrue(f.evidence().get(0).description().contains("nil map"));
        }
    }

    @Test
    void anUnreachableMcpServerGivesAnInconclusiveFindingWithNotes() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("healthy-color-change"));
                McpToolClient dead =
                        new McpToolClient("http://127.0.0.1:" + closedPort + "/mcp", Duration.ofSeconds(5))) {
            Finding f = LogAnalystService.analyst(dead).analyze(mcp.analysisRequest(null), message -> {});
            assertEquals(Decision.INCONCLUSIVE, f.verdict());
            assertTrue(f.notes().stream().anyMatch(n -> n.contains("get_pod_status")), f.notes()::toString);
        }
    }
}
