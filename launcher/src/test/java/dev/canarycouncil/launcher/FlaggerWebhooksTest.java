package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flagger's webhooks against the running council, replayed from Flagger's source
 * (pkg/controller/webhook.go, scheduler.go, scheduler_hooks.go): the bundled Canary's webhooks,
 * each POSTed the {@code CanaryWebhookPayload} Go marshals ({@code name, namespace, phase,
 * checksum, metadata} in that order, compact, metadata only when the hook has some) with
 * {@code Content-Type: application/json} and the hook's timeout; a status above 202 is a failure.
 * One scheduler tick at maximum weight is then played as Flagger plays it: rollback hooks first
 * (a success rolls back), then the analysis (a pre-rollout failure counts a failed check), then
 * confirm-promotion (a failure holds the canary in WaitingPromotion).
 */
class FlaggerWebhooksTest {

    private static final Path CANARY = Path.of("..", "deploy", "flagger", "canary.yaml");
    private static final String CHECKSUM = "5d8f6c9b7";
    private static Vertx vertx;
    private static CouncilAssembly assembly;

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(64);
        assembly = new CouncilAssembly(
                vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), ModelConfig.none());
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static LocalCouncil council(String recording) {
        return council(recording, null);
    }

    /** @param drafts where the issue writer keeps its drafts, or null */
    private static LocalCouncil council(String recording, Path drafts) {
        return LocalCouncil.start(
                assembly,
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named(recording))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, drafts),
                line -> {});
    }

    private record Webhook(String type, String url, Duration timeout, Map<String, String> metadata) {}

    private record Called(int status, JsonNode body) {
        boolean failed() {
            return status > 202; // callWebhook: r.StatusCode > 202 is an error
        }
    }

    /** The Canary's webhooks, their URLs pointed at this council. */
    private static List<Webhook> webhooks(String orchestratorUrl) throws Exception {
        return webhooks(orchestratorUrl, null);
    }

    /** @param gateToken what the installer puts in place of the manifest's token placeholder; null to keep it */
    private static List<Webhook> webhooks(String orchestratorUrl, String gateToken) throws Exception {
        JsonNode canary = new YAMLMapper().readTree(CANARY.toFile());
        List<Webhook> hooks = new ArrayList<>();
        for (JsonNode w : canary.path("spec").path("analysis").path("webhooks")) {
            String timeout = w.path("timeout").asText("");
            // CallWebhook: a timeout shorter than two characters becomes 10s.
            Duration d = timeout.length() < 2
                    ? Duration.ofSeconds(10)
                    : Duration.ofSeconds(Long.parseLong(timeout.replace("s", "")));
            Map<String, String> metadata = new TreeMap<>(); // encoding/json writes map keys sorted
            w.path("metadata")
                    .fields()
                    .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
            if (gateToken != null && metadata.containsKey("token")) {
                metadata.put("token", gateToken);
            }
            hooks.add(new Webhook(
                    w.path("type").asText(),
                    w.path("url").asText().replaceFirst("^http://[^/]+", orchestratorUrl),
                    d,
                    metadata));
        }
        return hooks;
    }

    private static Called call(Webhook hook, String name, String namespace, String phase) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("namespace", namespace);
        payload.put("phase", phase);
        payload.put("checksum", CHECKSUM);
        if (!hook.metadata().isEmpty()) {
            payload.put("metadata", hook.metadata());
        }
        return post(hook.url(), Json.mapper().writeValueAsString(payload), hook.timeout());
    }

    private static Called post(String url, String body, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout)
                .header("User-Agent", "Go-http-client/1.1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Called(response.statusCode(), Json.mapper().readTree(response.body()));
    }

    private static Webhook hook(List<Webhook> hooks, String type) {
        return hooks.stream()
                .filter(h -> h.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " hook"));
    }

    /** What one tick at maximum weight does to the canary, as Flagger's scheduler decides it. */
    private record Tick(String outcome, Map<String, Called> calls) {}

    private static Tick tickAtMaxWeight(String orchestratorUrl, String name, String namespace) throws Exception {
        return tickAtMaxWeight(webhooks(orchestratorUrl), name, namespace);
    }

    private static Tick tickAtMaxWeight(List<Webhook> hooks, String name, String namespace) throws Exception {
        Map<String, Called> calls = new LinkedHashMap<>();
        for (Webhook h : hooks.stream().filter(h -> h.type().equals("rollback")).toList()) {
            Called c = call(h, name, namespace, "Progressing");
            calls.put("rollback", c);
            if (!c.failed()) {
                return new Tick("Failed: rolled back by the rollback hook", calls);
            }
        }
        for (Webhook h : hooks.stream()
                .filter(h -> h.type().equals("pre-rollout") || h.type().equals("rollout"))
                .toList()) {
            Called c = call(h, name, namespace, "Progressing");
            calls.put(h.type(), c);
            if (c.failed()) {
                return new Tick("Progressing: failed checks +1", calls);
            }
        }
        Called confirm = call(hook(hooks, "confirm-promotion"), name, namespace, "Progressing");
        calls.put("confirm-promotion", confirm);
        return new Tick(confirm.failed() ? "WaitingPromotion" : "Promoting", calls);
    }

    @Test
    void theCanaryManifestCallsEachHookAtItsOwnPathWithATimeoutThatFitsAnAnalysis() throws Exception {
        List<Webhook> hooks = webhooks("http://orchestrator");
        for (Webhook h : hooks) {
            assertTrue(h.url().endsWith("/api/v1/flagger/" + h.type()), h.type() + " hook calls " + h.url());
        }
        assertEquals(
                List.of("pre-rollout", "rollback", "confirm-promotion", "post-rollout"),
                hooks.stream().map(Webhook::type).toList());
        for (String judging : List.of("pre-rollout", "rollback", "confirm-promotion")) {
            assertTrue(
                    hook(hooks, judging).timeout().compareTo(Duration.ofSeconds(30)) >= 0,
                    judging + ": Flagger's 10 s default is shorter than a model-assisted analysis");
        }
    }

    @Test
    void theCanarysMetadataCarriesTheGateTokenAndWithoutItNothingPasses() throws Exception {
        AgentSecret gate = AgentSecret.of("gate-" + java.util.UUID.randomUUID());
        CouncilAssembly guarded = new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults()
                                .withAuth(ServerAuth.bearer(AgentSecret.of("council-" + java.util.UUID.randomUUID()))),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none())
                .withGate(GateSettings.defaults().withGateToken(gate), OptionalInt.of(0));
        try (LocalCouncil council = RecordedCouncils.start(guarded, "healthy-color-change")) {
            String gateUrl = council.part("orchestrator").gateUrl();
            Tick placeholder = tickAtMaxWeight(webhooks(gateUrl), "checkout", "shop");
            assertEquals(
                    "Progressing: failed checks +1", placeholder.outcome(), "the manifest as committed opens nothing");
            assertEquals(401, placeholder.calls().get("rollback").status());
            Tick installed = tickAtMaxWeight(webhooks(gateUrl, gate.reveal()), "checkout", "shop");
            assertEquals("Promoting", installed.outcome(), installed.calls().toString());
        }
    }

    @Test
    void aHealthyCanaryIsPromotedWithoutAFailedCheck() throws Exception {
        try (LocalCouncil council = council("healthy-color-change")) {
            Tick tick = tickAtMaxWeight(council.orchestratorUrl(), "checkout", "shop");
            assertEquals("Promoting", tick.outcome(), tick.calls().toString());
            assertEquals(412, tick.calls().get("rollback").status(), "no rollback");
            assertEquals(200, tick.calls().get("pre-rollout").status());
            JsonNode confirm = tick.calls().get("confirm-promotion").body();
            assertEquals("PROMOTE", confirm.path("verdict").path("decision").asText());
            assertTrue(confirm.path("reason").asText().startsWith("promotion confirmed: PROMOTE"), confirm.toString());
            assertEquals(
                    tick.calls()
                            .get("rollback")
                            .body()
                            .path("verdict")
                            .path("analysisId")
                            .asText(),
                    confirm.path("verdict").path("analysisId").asText(),
                    "a tick's hooks share one analysis");
        }
    }

    @Test
    void aCrashingCanaryIsRolledBackAtTheFirstTickByTheRollbackHook(@TempDir Path drafts) throws Exception {
        try (LocalCouncil council = council("go-panic-index-out-of-range", drafts)) {
            Tick tick = tickAtMaxWeight(council.orchestratorUrl(), "checkout", "shop");
            assertEquals(
                    "Failed: rolled back by the rollback hook",
                    tick.outcome(),
                    tick.calls().toString());
            JsonNode rollback = tick.calls().get("rollback").body();
            assertEquals(200, tick.calls().get("rollback").status());
            assertEquals("ROLLBACK", rollback.path("verdict").path("decision").asText());
            assertTrue(
                    rollback.path("verdict").path("rootCause").asText().contains("index out of range"),
                    rollback.toString());
            String reason = rollback.path("reason").asText();
            assertTrue(reason.startsWith("roll back now: ROLLBACK (") && reason.contains("index out of range"), reason);
            assertFalse(reason.contains("\n"), "one line for Flagger's events: " + reason);

            // The same verdict through the other hooks: an objection to a step, a held promotion.
            List<Webhook> hooks = webhooks(council.orchestratorUrl());
            assertEquals(
                    412,
                    call(hook(hooks, "pre-rollout"), "checkout", "shop", "Progressing")
                            .status());
            assertEquals(
                    412,
                    call(hook(hooks, "confirm-promotion"), "checkout", "shop", "Progressing")
                            .status());

            // The remediation issue points its reader at the Canary, not at an Argo Rollout.
            List<Path> files;
            try (var listed = Files.list(drafts)) {
                files = listed.toList();
            }
            assertEquals(1, files.size(), files.toString());
            String issue = Files.readString(files.get(0));
            assertTrue(issue.contains("kubectl describe canary checkout -n shop"), issue);
            assertFalse(issue.contains("kubectl argo rollouts"), issue);
        }
    }

    @Test
    void anInconclusiveCanaryWaitsAtFullWeightInsteadOfBeingRolledBack() throws Exception {
        try (LocalCouncil council = council("inconclusive-low-traffic-overnight")) {
            JsonNode manifest = Json.mapper()
                    .readTree(Recordings.named("inconclusive-low-traffic-overnight")
                            .resolve("rollout.json")
                            .toFile());
            Tick tick = tickAtMaxWeight(
                    council.orchestratorUrl(),
                    manifest.path("rollout").asText(),
                    manifest.path("namespace").asText());
            assertEquals("WaitingPromotion", tick.outcome(), tick.calls().toString());
            JsonNode confirm = tick.calls().get("confirm-promotion").body();
            assertEquals(
                    "INCONCLUSIVE", confirm.path("verdict").path("decision").asText());
            assertTrue(confirm.path("reason").asText().startsWith("promotion held"), confirm.toString());
        }
    }

    @Test
    void whatCannotBeJudgedFailsTheHookAndPostRolloutIsOnlyNoted() throws Exception {
        try (LocalCouncil council = council("healthy-color-change")) {
            List<Webhook> hooks = webhooks(council.orchestratorUrl());
            String base = council.orchestratorUrl() + "/api/v1/flagger/";
            Duration t = Duration.ofSeconds(30);

            Called unknown = call(hook(hooks, "confirm-promotion"), "payments", "shop", "Progressing");
            assertEquals(404, unknown.status());
            assertEquals("name", unknown.body().path("field").asText());
            assertTrue(
                    unknown.body().path("error").asText().contains("payments"),
                    unknown.body().toString());

            Called noChecksum = post(
                    base + "confirm-promotion",
                    "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Progressing\"}",
                    t);
            assertEquals(400, noChecksum.status());
            assertEquals("checksum", noChecksum.body().path("field").asText());
            Called badPhase = post(
                    base + "rollback",
                    "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Running\",\"checksum\":\"1\"}",
                    t);
            assertEquals(400, badPhase.status());
            assertEquals("phase", badPhase.body().path("field").asText());
            Called badName = post(
                    base + "rollback",
                    "{\"name\":\"Checkout!\",\"namespace\":\"shop\",\"phase\":\"Progressing\",\"checksum\":\"1\"}",
                    t);
            assertEquals("name", badName.body().path("field").asText());
            Called badMetadata = post(
                    base + "rollback",
                    "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Progressing\",\"checksum\":\"1\",\"metadata\":{\"hints\":3}}",
                    t);
            assertEquals("metadata", badMetadata.body().path("field").asText());

            Called confirmRollout = post(
                    base + "confirm-rollout",
                    "{\"name\":\"checkout\",\"namespace\":\"shop\",\"phase\":\"Progressing\",\"checksum\":\"1\"}",
                    t);
            assertEquals(404, confirmRollout.status(), "a hook type the council does not answer is never a pass");
            assertTrue(
                    confirmRollout.body().path("error").asText().contains("confirm-promotion"),
                    confirmRollout.body().toString());

            Called post = call(hook(hooks, "post-rollout"), "checkout", "shop", "Succeeded");
            assertEquals(200, post.status());
            assertFalse(post.body().has("verdict"), "no analysis after the end: " + post.body());
        }
    }
}
