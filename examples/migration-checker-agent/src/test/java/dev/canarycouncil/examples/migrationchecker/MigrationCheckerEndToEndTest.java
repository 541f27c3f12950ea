package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import io.a2a.spec.AgentCard;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real MCP server over a recording and the agent, each on a free port, talking over real HTTP:
 * the analysis request goes out with agent-runtime's A2A client, the finding comes back as a DataPart.
 */
class MigrationCheckerEndToEndTest {

    private static ExecutorService calls;
    private static TimeoutA2aHttpClient http;

    @BeforeAll
    static void start() {
        calls = Executors.newCachedThreadPool();
        http = new TimeoutA2aHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        calls.shutdownNow();
    }

    /** What the agent answered over A2A, with the progress it streamed and the card it served. */
    private record Answer(Finding finding, List<String> progress, AgentCard card) {}

    private static Answer analyse(Path recording) throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                RunningAgent agent =
                        MigrationCheckerAgent.start(new LaunchOptions("127.0.0.1", 0, mcp.mcpUrl(), null, false))) {
            AgentCard card = RemoteAgent.fetchCard(http, agent.cardUrl());
            try (RemoteAgent remote = RemoteAgent.connect(card, http, calls)) {
                List<String> progress = new CopyOnWriteArrayList<>();
                AgentReply reply = remote.send(
                                RemoteAgent.userMessage(
                                        A2aParts.payload(
                                                A2aParts.ANALYSIS_REQUEST,
                                                mcp.analysisRequest(null),
                                                "judge this canary's migrations"),
                                        null),
                                Duration.ofSeconds(60),
                                progress::add)
                        .get(90, TimeUnit.SECONDS);
                assertTrue(reply.completed(), () -> reply.state() + ": " + reply.statusText());
                Finding finding = A2aParts.read(reply.parts(), A2aParts.FINDING, Finding.class)
                        .orElseThrow(() -> new AssertionError("no finding DataPart in " + reply.parts()));
                return new Answer(finding, progress, card);
            }
        }
    }

    private static Path bundled(String name) throws URISyntaxException {
        return Path.of(MigrationCheckerEndToEndTest.class
                .getResource("/recordings/" + name)
                .toURI());
    }

    private static JsonNode expected(Path recording) throws Exception {
        return Json.mapper()
                .readTree(recording.resolve("rollout.json").toFile())
                .get("expected");
    }

    private static LogTemplateEvidence evidence(Finding f, String signature) {
        return f.evidence().stream()
                .map(LogTemplateEvidence.class::cast)
                .filter(e -> signature.equals(e.signature()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + signature + " evidence in " + f.evidence()));
    }

    @Test
    void aDestructiveMigrationThatBreaksTheStableIsARollback() throws Exception {
        Path recording = bundled("destructive-migration-breaks-stable");
        Answer a = analyse(recording);
        Finding f = a.finding();
        JsonNode expected = expected(recording);
        assertEquals(Decision.valueOf(expected.get("verdict").asText()), f.verdict(), f::toString);
        assertEquals("migration-checker", f.agent());
        assertEquals(95, f.confidence(), f::toString);
        for (JsonNode keyword : expected.get("rootCauseKeywords")) {
            assertTrue(
                    f.summary().contains(keyword.asText()),
                    () -> "summary lacks '" + keyword.asText() + "': " + f.summary());
        }

        LogTemplateEvidence migration = evidence(f, "destructive-migration");
        assertEquals(Severity.CRITICAL, migration.severity());
        assertTrue(migration.description().contains("42 - drop legacy price column"), migration.description());
        assertEquals("canary checkout-7c9d6f5b4-rdqjc", migration.source());
        // The statement comes first: the coordinator quotes the first sample as the root cause.
        assertEquals("Executing SQL: ALTER TABLE orders DROP COLUMN legacy_price", migration.template());
        assertTrue(
                migration.samples().get(0).endsWith("Executing SQL: ALTER TABLE orders DROP COLUMN legacy_price"),
                migration.samples()::toString);
        assertEquals(3, migration.samples().size(), "the start, the statement and the success line");

        LogTemplateEvidence broke = evidence(f, "schema-mismatch");
        assertEquals(Severity.CRITICAL, broke.severity());
        // The recording's stable pods log 211 such failures after 10:00:06.405, none before, the canary none.
        assertEquals(211, broke.stableCount());
        assertEquals(0, broke.canaryCount());
        assertTrue(
                broke.source().startsWith("stable ") && broke.source().contains("checkout-5f7d8c9b6-"), broke.source());
        assertTrue(
                broke.samples().stream().allMatch(s -> s.contains("column \"legacy_price\" does not exist")),
                broke.samples()::toString);

        assertTrue(
                a.progress().stream().anyMatch(p -> p.startsWith("reading canary pods: checkout-7c9d6f5b4-rdqjc")),
                a.progress()::toString);
    }

    @Test
    void anAdditiveMigrationIsAPromote() throws Exception {
        Path recording = bundled("additive-migration");
        Finding f = analyse(recording).finding();
        assertEquals(Decision.valueOf(expected(recording).get("verdict").asText()), f.verdict(), f::toString);
        assertEquals(60, f.confidence());
        assertEquals(1, f.evidence().size(), f.evidence()::toString);
        LogTemplateEvidence e = evidence(f, "additive-migration");
        assertEquals(Severity.INFO, e.severity());
        assertTrue(e.description().contains("add column discount_code"), e.description());
    }

    @Test
    void aRecordingWithoutMigrationsLeavesTheCouncilAlone() throws Exception {
        Path healthy = Path.of("../../evals/recordings/healthy-color-change");
        assumeTrue(Files.isDirectory(healthy), "the bundled recordings are not beside this module");
        Finding f = analyse(healthy).finding();
        assertEquals(Decision.INCONCLUSIVE, f.verdict(), f::toString);
        assertEquals(0, f.confidence());
        assertEquals("no schema migration in the canary's logs", f.summary());
        assertTrue(f.evidence().isEmpty(), f.evidence()::toString);
    }

    @Test
    void theServedCardNamesTheAgentItsSkillAndItsUrl() throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(bundled("additive-migration"));
                RunningAgent agent = MigrationCheckerAgent.start(new LaunchOptions(
                        "127.0.0.1", 0, mcp.mcpUrl(), "http://migration-checker.canary-council.svc:8085", false))) {
            AgentCard card = RemoteAgent.fetchCard(http, agent.cardUrl());
            assertEquals("migration-checker", card.name());
            assertEquals("0.3.0", card.protocolVersion());
            assertEquals("JSONRPC", card.preferredTransport());
            assertTrue(card.capabilities().streaming());
            assertEquals("http://migration-checker.canary-council.svc:8085", card.url());
            assertEquals(1, card.skills().size());
            assertEquals(
                    List.of("canary-analysis", "database"), card.skills().get(0).tags());
            assertTrue(
                    card.skills().get(0).description().contains(A2aParts.ANALYSIS_REQUEST)
                            && card.skills().get(0).description().contains(A2aParts.FINDING),
                    card.skills().get(0).description());
        }
    }
}
