package dev.canarycouncil.orchestrator.gate.flagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.orchestrator.gate.AnalysisLimits;
import dev.canarycouncil.orchestrator.gate.GateAccess;
import dev.canarycouncil.orchestrator.gate.StalledAnalyses;
import dev.canarycouncil.runtime.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An analysis longer than the wait: a hook for which no evidence is no objection succeeds (202),
 * one that only a verdict may pass fails (425), and every call joins the one running analysis.
 */
class FlaggerRoutesWhileRunningTest {

    private static final String PAYLOAD =
            "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Progressing\",\"checksum\":\"5d8f6c9b7\"}";

    private StalledAnalyses analyses;

    @BeforeEach
    void start() throws Exception {
        analyses = new StalledAnalyses(
                AnalysisLimits.defaults(),
                (measurements, router) ->
                        new FlaggerRoutes(measurements, Duration.ofMillis(300), GateAccess.open()).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        analyses.close();
    }

    private HttpResponse<String> post(String hook) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + analyses.port() + "/api/v1/flagger/" + hook))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PAYLOAD))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunningAnalysisObjectsToNothingAndConfirmsNothing() throws Exception {
        HttpResponse<String> rollout = post("rollout");
        assertEquals(202, rollout.statusCode(), rollout.body());
        assertTrue(
                Json.mapper().readTree(rollout.body()).path("reason").asText().contains("still running"),
                rollout.body());
        assertEquals(202, post("pre-rollout").statusCode());
        assertEquals(425, post("confirm-promotion").statusCode(), "no promotion without a verdict");
        assertEquals(425, post("rollback").statusCode(), "no rollback without a verdict");
        assertEquals(1, analyses.started(), "every hook of the revision joined the one analysis");
    }
}
