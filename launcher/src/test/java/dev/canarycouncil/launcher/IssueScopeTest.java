package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served council files issues only for analyses a release controller asked for: the same
 * rollback asked for over A2A (the page, chat, another agent) is drafted, says why it was not
 * filed, and reaches no tracker; asked for by the web provider, it is filed.
 */
class IssueScopeTest {

    private static final String TOKEN = "ghp_issueScopeTestToken0000000000000000";

    @Test
    void onlyAControllersRollbackIsFiled(@TempDir Path outbox) throws Exception {
        Vertx vertx = VertxFactory.create(64);
        try (GitHubFake github = GitHubFake.start(TOKEN)) {
            github.addRepository("shop/checkout");
            CouncilAssembly assembly = new CouncilAssembly(
                    vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), ModelConfig.none());
            try (LocalCouncil council = LocalCouncil.start(
                    assembly,
                    LocalCouncil.Ports.ephemeral(),
                    RecordingOption.backends(RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"))),
                    CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                    new IssueWriterConfig(
                            List.of("canary-rollback"),
                            null,
                            GitHubFilingConfig.of("shop/checkout", TOKEN, outbox)
                                    .withApiUrl(github.url())),
                    line -> {})) {
                String a2a = "{\"jsonrpc\":\"2.0\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"method\":\"message/send\",\"params\":"
                        + "{\"message\":{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"" + UUID.randomUUID()
                        + "\",\"parts\":"
                        + "[{\"kind\":\"data\",\"data\":{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"},"
                        + "\"metadata\":{\"kind\":\"" + A2aParts.ANALYSIS_TARGET + "\"}}]}}}";
                JsonNode task = Json.mapper()
                        .readTree(TestHttp.postJson(council.orchestratorUrl() + "/", a2a)
                                .body())
                        .path("result");
                JsonNode issue = null;
                for (JsonNode part : task.path("artifacts").get(0).path("parts")) {
                    if (part.has("data")) {
                        issue = part.path("data").path("issue");
                    }
                }
                assertEquals(
                        "ROLLBACK",
                        task.path("artifacts")
                                .get(0)
                                .path("parts")
                                .findValue("decision")
                                .asText(),
                        task.toString());
                assertEquals("draft", issue.path("state").asText(), issue.toString());
                assertTrue(
                        issue.path("detail").asText().contains("only analyses a release controller asks for"),
                        issue.toString());
                assertEquals(0, github.issues("shop/checkout").size(), "an A2A caller cannot file issues");

                var gate = TestHttp.postJson(
                        council.orchestratorUrl() + "/api/v1/analyses",
                        "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}");
                JsonNode verdict = Json.mapper().readTree(gate.body());
                assertEquals("ROLLBACK", verdict.path("decision").asText(), gate.body());
                assertEquals(1, github.issues("shop/checkout").size(), "the controller's rollback is filed");
                assertTrue(
                        verdict.path("issueUrl")
                                .asText()
                                .endsWith("/issues/"
                                        + github.issues("shop/checkout").get(0).number()),
                        gate.body());
            }
        } finally {
            vertx.close();
        }
    }
}
