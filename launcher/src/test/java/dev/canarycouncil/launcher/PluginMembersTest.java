package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plug-in agents in a real council over real HTTP: a plug-in's Finding changes the verdict as its
 * weight and veto right say, a text-only reply counts little, track records replace
 * self-reported confidence, authentication is enforced and honoured, and no misbehaving plug-in
 * can block or crash an analysis — each is cut off and named.
 */
class PluginMembersTest {

    private static final AnalysisTarget HEALTHY = AnalysisTarget.of("shop", "7c9d6f5b4");

    private static Vertx vertx;
    private static CouncilAssembly assembly;
    private static LocalCouncil healthy;
    private static PluginPeers peers;

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(64);
        assembly = new CouncilAssembly(
                vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), ModelConfig.none());
        healthy = RecordedCouncils.start(assembly, "healthy-color-change");
        peers = new PluginPeers(vertx);
    }

    @AfterAll
    static void stop() {
        peers.close();
        healthy.close();
        vertx.close();
    }

    /** The built-in specialists plus {@code plugins}, judged by a fresh orchestrator. */
    private static Verdict analyse(List<MemberEntry> plugins, TrackRecords records) throws Exception {
        List<MemberEntry> members = new ArrayList<>();
        members.add(MemberEntry.of(healthy.part("log-analyst").cardUrl(), "built-in"));
        members.add(MemberEntry.of(healthy.part("metrics-agent").cardUrl(), "built-in"));
        members.addAll(plugins);
        try (StartedPart orchestrator = assembly.orchestrator(
                0,
                null,
                healthy.part("mcp-tools").url() + "/mcp",
                new MemberOptions.Resolved(new MembersConfig(members, null, null), records, null),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(20)))) {
            return AnalysisClient.analyze(orchestrator.url(), HEALTHY, Duration.ofSeconds(60), m -> {});
        }
    }

    private static MemberEntry plugin(String url, Double weight, Boolean veto) {
        return new MemberEntry(url, weight, null, veto, "test");
    }

    private static Finding findingOf(Verdict v, String agent) {
        return v.findings().stream()
                .filter(f -> f.agent().equals(agent))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding from " + agent + " in " + v.findings()));
    }

    @Test
    void withoutPluginsTheHealthyCanaryIsPromoted() throws Exception {
        assertEquals(Decision.PROMOTE, analyse(List.of(), TrackRecords.none()).decision());
    }

    @Test
    void aPluginsConfidentRollbackVetoesUnlessItsVetoIsOff() throws Exception {
        String url = peers.voter("db-checker", Decision.ROLLBACK, 95, A2aServerSettings.defaults());
        Verdict vetoing = analyse(List.of(plugin(url, null, null)), TrackRecords.none());
        assertEquals(Decision.ROLLBACK, vetoing.decision(), vetoing.rationale());
        assertTrue(
                vetoing.rationale().contains("db-checker's rollback at 95% meets the veto threshold"),
                vetoing.rationale());

        Verdict noVeto = analyse(List.of(plugin(url, null, false)), TrackRecords.none());
        assertEquals(Decision.INCONCLUSIVE, noVeto.decision(), noVeto.rationale());
        assertTrue(noVeto.rationale().contains("db-checker voted ROLLBACK (95%, no veto)"), noVeto.rationale());

        Verdict light = analyse(List.of(plugin(url, 0.1, false)), TrackRecords.none());
        assertEquals(Decision.PROMOTE, light.decision(), light.rationale());
        assertTrue(light.rationale().contains("weight 0.10"), light.rationale());
    }

    @Test
    void aTextOnlyReplyCountsWithLowWeightAndNeverVetoes() throws Exception {
        String url = peers.texter("chatty-agent", "ROLLBACK 99%: the canary looks wrong to me");
        Verdict v = analyse(List.of(plugin(url, null, null)), TrackRecords.none());
        Finding read = findingOf(v, "chatty-agent");
        assertEquals(Decision.ROLLBACK, read.verdict());
        assertEquals(60, read.confidence(), "a text vote's confidence is capped");
        assertTrue(
                read.notes().get(0).contains("read from a text reply"),
                read.notes().toString());
        assertEquals(Decision.PROMOTE, v.decision(), v.rationale());
        assertTrue(
                v.rationale().contains("chatty-agent voted ROLLBACK (60%, weight 0.25, read from text, no veto)"),
                v.rationale());
    }

    @Test
    void trackRecordsReplaceSelfReportedConfidence(@TempDir Path dir) throws Exception {
        String url = peers.voter("overconfident", Decision.ROLLBACK, 95, A2aServerSettings.defaults());
        Path report = dir.resolve("eval-report.json");
        Files.writeString(report, """
                {"agents": {"overconfident": {"agent": "overconfident", "overall": {"votes": 20, "accuracy": 0.3},
                  "promotePrecision": NaN, "rollbackPrecision": 0.2},
                 "log-analyst": {"agent": "log-analyst", "overall": {"votes": 49, "accuracy": 0.9},
                  "promotePrecision": 0.95, "rollbackPrecision": 1.0}}}
                """);
        Verdict byConfidence = analyse(List.of(plugin(url, null, false)), TrackRecords.none());
        assertEquals(Decision.INCONCLUSIVE, byConfidence.decision(), byConfidence.rationale());
        Verdict byRecord = analyse(List.of(plugin(url, null, false)), TrackRecords.load(report));
        assertEquals(Decision.PROMOTE, byRecord.decision(), byRecord.rationale());
        assertTrue(
                byRecord.rationale().contains("track record: 20% of its ROLLBACK votes right over 20 cases"),
                byRecord.rationale());
        assertTrue(
                byRecord.rationale().contains("log-analyst voted PROMOTE (84%, track record: 95% of its PROMOTE votes"),
                byRecord.rationale());
    }

    @Test
    void misbehavingPluginsCannotBlockOrCrashAnAnalysisAndAreNamed() throws Exception {
        Map<String, String> expectedReasons = new java.util.LinkedHashMap<>();
        List<MemberEntry> plugins = new ArrayList<>();
        String slow = peers.raw("slow-agent", PluginPeers.Wire.NEVER_ANSWERS);
        plugins.add(new MemberEntry(slow, null, Duration.ofSeconds(2), null, "test"));
        expectedReasons.put("slow-agent", "did not answer within 2 s");
        plugins.add(plugin(peers.raw("failing-agent", PluginPeers.Wire.HTTP_500), null, null));
        expectedReasons.put("failing-agent", "500");
        plugins.add(plugin(peers.raw("express-agent", PluginPeers.Wire.HTML_413), null, null));
        expectedReasons.put(
                "express-agent", "an HTML error page saying \"PayloadTooLargeError: request entity too large\"");
        plugins.add(plugin(peers.raw("garbled-agent", PluginPeers.Wire.INVALID_JSON), null, null));
        expectedReasons.put("garbled-agent", "invalid JSON");
        plugins.add(plugin(peers.raw("flooding-agent", PluginPeers.Wire.HUGE_BODY), null, null));
        expectedReasons.put("flooding-agent", "exceeds 8 MiB");
        plugins.add(plugin(peers.raw("flooding-stream-agent", PluginPeers.Wire.HUGE_EVENT), null, null));
        expectedReasons.put("flooding-stream-agent", "exceeds 8 MiB");
        String html = peers.card("text/html", url -> "<html><body>Not an agent</body></html>");
        plugins.add(plugin(html, null, null));
        expectedReasons.put(html, "invalid JSON");
        String noSkills = peers.card(
                "application/json",
                url -> PluginPeers.cardJson("skill-less", url, false, "0.3.0", "[]")
                        .replace(
                                "\"skills\":[{\"id\":\"judge\",\"name\":\"judge\",\"description\":\"judges canaries\",\"tags\":[]}]",
                                "\"skills\":[]"));
        plugins.add(plugin(noSkills, null, null));
        expectedReasons.put(noSkills, "declares no skills");
        String future = peers.card(
                "application/json",
                url -> PluginPeers.cardJson("future-agent", url, false, "1.0", "[\"canary-analysis\"]"));
        plugins.add(plugin(future, null, null));
        expectedReasons.put(future, "declares A2A protocol 1.0");
        String impostor = peers.card(
                "application/json",
                url -> PluginPeers.cardJson("log-analyst", url, false, "0.3.0", "[\"canary-analysis\"]"));
        plugins.add(plugin(impostor, null, null));
        expectedReasons.put(impostor, "claims the name 'log-analyst'");

        long started = System.nanoTime();
        Verdict v = analyse(plugins, TrackRecords.none());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 20, "the analysis took " + seconds + " s: " + v.failures());
        assertEquals(Decision.PROMOTE, findingOf(v, "log-analyst").verdict());
        assertEquals(Decision.PROMOTE, findingOf(v, "metrics-agent").verdict());
        assertNotEquals(Decision.ROLLBACK, v.decision(), "no misbehaving peer may push a rollback: " + v.rationale());
        for (Map.Entry<String, String> e : expectedReasons.entrySet()) {
            AgentFailure failure = v.failures().stream()
                    .filter(f -> f.agent().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + " is not among the failures " + v.failures()));
            assertTrue(failure.reason().contains(e.getValue()), e.getKey() + ": " + failure.reason());
            assertTrue(v.rationale().contains(e.getKey() + " gave no finding"), v.rationale());
            assertTrue(!failure.reason().contains("node_modules"), "no remote stack trace: " + failure.reason());
            assertTrue(
                    failure.reason().length() < 1000,
                    "a failure reason stays short: " + failure.reason().length());
        }
        // The council is still sound afterwards.
        assertEquals(Decision.PROMOTE, analyse(List.of(), TrackRecords.none()).decision());
    }

    @Test
    void authenticationIsEnforcedByOurServersAndHonouredByOurClient() throws Exception {
        AgentSecret token = AgentSecret.of("s3cret-council-token");
        String url = peers.voter(
                "guarded-agent",
                Decision.ROLLBACK,
                95,
                A2aServerSettings.defaults().withAuth(ServerAuth.bearer(token)));
        // The card is public and declares the scheme; the endpoint refuses a caller without the token.
        String card = TestHttp.get(url + A2aAgentServer.CARD_PATH).body();
        assertTrue(card.contains("\"securitySchemes\"") && card.contains("\"bearer\""), card);
        var anonymous = TestHttp.postJson(
                url + "/", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tasks/get\",\"params\":{\"id\":\"x\"}}");
        assertEquals(401, anonymous.statusCode());
        assertTrue(!anonymous.body().contains("s3cret"), anonymous.body());

        Verdict without = analyse(List.of(plugin(url, null, null)), TrackRecords.none());
        assertTrue(
                reason(without, url).contains("requires authentication"),
                without.failures().toString());
        Verdict wrong =
                analyse(List.of(plugin(url, null, null).withSecret(AgentSecret.of("guess"))), TrackRecords.none());
        assertTrue(
                wrong.failures().stream()
                        .anyMatch(f ->
                                f.agent().equals("guarded-agent") && f.reason().contains("401")),
                wrong.failures().toString());
        Verdict right = analyse(List.of(plugin(url, null, null).withSecret(token)), TrackRecords.none());
        assertEquals(Decision.ROLLBACK, right.decision(), right.rationale());
        assertEquals(Decision.ROLLBACK, findingOf(right, "guarded-agent").verdict());

        String keyed = peers.voter(
                "keyed-agent",
                Decision.ROLLBACK,
                95,
                A2aServerSettings.defaults().withAuth(ServerAuth.apiKey("X-Council-Key", token)));
        Verdict withKey = analyse(List.of(plugin(keyed, null, null).withSecret(token)), TrackRecords.none());
        assertEquals(
                Decision.ROLLBACK,
                findingOf(withKey, "keyed-agent").verdict(),
                withKey.failures().toString());
    }

    private static String reason(Verdict v, String url) {
        return v.failures().stream()
                .filter(f -> f.agent().equals(url) || f.agent().equals(url + A2aAgentServer.CARD_PATH))
                .map(AgentFailure::reason)
                .findFirst()
                .orElse("(not failed) " + v.failures());
    }
}
