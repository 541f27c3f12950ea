package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.history.HistorySettings;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every analysis a controller asks for is kept, listed with filters, opened by its link, and outlives a restart. */
class HistoryEndToEndTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(64);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static CouncilAssembly assembly(A2aServerSettings settings, Path dataDir) {
        return new CouncilAssembly(vertx, "127.0.0.1", settings, PresetCatalog.defaultSet(), ModelConfig.none())
                .withHistory(HistorySettings.embedded(dataDir, HistorySettings.DEFAULT_RETENTION));
    }

    /** The web provider's measurement, as Argo sends it: one analysis of the rollout's current canary. */
    private static JsonNode measure(String url) throws Exception {
        HttpResponse<String> r = TestHttp.get(url + "/api/v1/analyses?namespace=shop&rollout=checkout");
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private static JsonNode get(String url, int status) throws Exception {
        HttpResponse<String> r = TestHttp.get(url);
        assertEquals(status, r.statusCode(), url + " -> " + r.body());
        return Json.mapper().readTree(r.body());
    }

    /** History writes are asynchronous: the controller's answer never waits for them. */
    private static JsonNode listed(String url, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode page;
        do {
            page = get(url, 200);
            if (page.path("total").asInt() == expected) {
                return page;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return page;
    }

    @Test
    void aControllersAnalysisIsListedOpenedByItsLinkAndKeptAcrossARestart(@TempDir Path data) throws Exception {
        String id;
        try (LocalCouncil council =
                RecordedCouncils.start(assembly(A2aServerSettings.defaults(), data), "go-panic-index-out-of-range")) {
            String base = council.orchestratorUrl();
            JsonNode answer = measure(base);
            assertEquals("ROLLBACK", answer.path("decision").asText());
            id = answer.path("analysisId").asText();
            assertEquals(
                    "/api/v1/history/analyses/" + id, answer.path("history").asText());
            String link = base + "/ui/?analysis=" + id;
            assertEquals(link, answer.path("link").asText(), "the web provider's answer links the page");

            JsonNode page = listed(base + "/api/v1/history/analyses?namespace=shop&rollout=checkout", 1);
            assertEquals(1, page.path("total").asInt(), page.toString());
            JsonNode row = page.path("analyses").get(0);
            assertEquals(id, row.path("id").asText());
            assertEquals("controller", row.path("requester").asText());
            assertEquals("ROLLBACK", row.path("decision").asText());
            assertEquals(
                    answer.path("canaryHash").asText(), row.path("canaryHash").asText());
            assertTrue(row.path("issueTitle").asText().contains("index out of range"), row.toString());

            JsonNode one = get(base + answer.path("history").asText(), 200);
            assertEquals(
                    answer.path("confidence").asInt(),
                    one.path("verdict").path("confidence").asInt());
            assertTrue(one.path("verdict").path("findings").size() >= 2, "the members' findings are kept whole");
            assertTrue(
                    one.path("verdict").path("issue").path("body").asText().contains("](" + link + ")"),
                    "the remediation issue links the analysis");
            assertEquals("shop", one.path("request").path("namespace").asText());
            assertTrue(
                    one.path("progress").toString().contains("asking log-analyst"),
                    one.path("progress").toString());

            assertEquals(
                    0,
                    get(base + "/api/v1/history/analyses?decision=promote", 200)
                            .path("total")
                            .asInt());
            assertEquals(
                    0,
                    get(base + "/api/v1/history/analyses?rollout=cart", 200)
                            .path("total")
                            .asInt());
            assertEquals(
                    "decision",
                    get(base + "/api/v1/history/analyses?decision=maybe", 400)
                            .path("field")
                            .asText());
            assertEquals(
                    "limit",
                    get(base + "/api/v1/history/analyses?limit=0", 400)
                            .path("field")
                            .asText());
            assertEquals(
                    "since",
                    get(base + "/api/v1/history/analyses?since=yesterday", 400)
                            .path("field")
                            .asText());
            get(base + "/api/v1/history/analyses/no-such-analysis", 404);
            assertEquals(
                    id,
                    get(base + "/api/v1/analyses/" + id, 200).path("id").asText(),
                    "one analysis also answers under the web provider's path");

            JsonNode overview = get(base + "/api/v1/history", 200);
            assertEquals(1, overview.path("analyses").asInt());
            assertEquals(90, overview.path("retentionDays").asInt());
            assertTrue(overview.path("sizeBytes").asLong() > 0, overview.toString());
            assertTrue(overview.path("available").asBoolean());
        }
        try (LocalCouncil again =
                RecordedCouncils.start(assembly(A2aServerSettings.defaults(), data), "go-panic-index-out-of-range")) {
            JsonNode kept = get(again.orchestratorUrl() + "/api/v1/history/analyses/" + id, 200);
            assertEquals("ROLLBACK", kept.path("decision").asText());
        }
    }

    @Test
    void theHistoryNeedsTheCouncilsToken(@TempDir Path data) throws Exception {
        AgentSecret token = AgentSecret.of("history-test-token-0123456789");
        A2aServerSettings guarded = A2aServerSettings.defaults().withAuth(ServerAuth.bearer(token));
        try (LocalCouncil council = RecordedCouncils.start(assembly(guarded, data), "healthy-color-change")) {
            String url = council.orchestratorUrl() + "/api/v1/history/analyses";
            assertEquals(401, TestHttp.get(url).statusCode());
            HttpResponse<String> allowed = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Authorization", "Bearer " + token.reveal())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, allowed.statusCode(), allowed.body());
        }
    }
}
