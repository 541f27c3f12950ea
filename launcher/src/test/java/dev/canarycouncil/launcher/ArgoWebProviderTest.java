package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Argo Rollouts' built-in web metric provider against the running council, replayed from its
 * source (argo-rollouts metricproviders/webmetric/webmetric.go, utils/evaluate/evaluate.go,
 * utils/template/template.go): the bundled AnalysisTemplate's {@code {{args.*}}} are substituted as
 * the controller does, the request goes out with the method, headers, compact JSON body and
 * timeout Go's client sends, and the answer is judged with the template's jsonPath and both
 * conditions by Argo's rule (failure first, neither is Inconclusive).
 */
class ArgoWebProviderTest {

    private static final Path TEMPLATE = Path.of("..", "deploy", "argo-rollouts", "analysis-template-web.yaml");
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
        return RecordedCouncils.start(assembly, recording);
    }

    /**
     * The args a Rollout passes (its namespace and name, podTemplateHashValue Latest and Stable) and
     * the one the template reads from its Secret (gate-token; a council without authentication ignores it).
     */
    private static Map<String, String> args(String recording) throws IOException {
        return args(recording, "no-token-needed");
    }

    private static Map<String, String> args(String recording, String gateToken) throws IOException {
        JsonNode r = Json.mapper()
                .readTree(Recordings.named(recording).resolve("rollout.json").toFile());
        return Map.of(
                "namespace",
                r.path("namespace").asText(),
                "rollout",
                r.path("rollout").asText(),
                "canary-hash",
                r.path("canary").path("podTemplateHash").asText(),
                "stable-hash",
                r.path("stable").path("podTemplateHash").asText(),
                "gate-token",
                gateToken);
    }

    /** What one measurement of the template's metric ends as, and the answer it read. */
    private record Measured(String phase, int status, JsonNode answer) {}

    private static Measured measure(String orchestratorUrl, Map<String, String> args) throws Exception {
        JsonNode metric = new YAMLMapper()
                .readTree(TEMPLATE.toFile())
                .path("spec")
                .path("metrics")
                .get(0);
        // ResolveMetricArgs: the whole metric as JSON, every {{args.x}} replaced (tags trimmed).
        JsonNode resolved = Json.mapper().readTree(substitute(Json.mapper().writeValueAsString(metric), args));
        JsonNode web = resolved.path("provider").path("web");
        String url = web.path("url").asText().replaceFirst("^http://[^/]+", orchestratorUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(web.path("timeoutSeconds").asInt(10)))
                .header("User-Agent", "Go-http-client/1.1")
                .header("Accept-Encoding", "gzip");
        for (JsonNode h : web.path("headers")) {
            request.header(h.path("key").asText(), h.path("value").asText());
        }
        String method = web.path("method").asText("GET");
        if (web.has("jsonBody")) {
            request.header("Content-Type", "application/json"); // set last: it overrides any header of the template
            request.method(
                    method,
                    HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(web.path("jsonBody"))));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        JsonNode answer = Json.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            return new Measured("Error", response.statusCode(), answer);
        }
        JsonNode result = jsonPath(answer, web.path("jsonPath").asText("{$}"));
        boolean failure = condition(resolved.path("failureCondition").asText(), result);
        boolean success = condition(resolved.path("successCondition").asText(), result);
        String phase = failure ? "Failed" : !success ? "Inconclusive" : "Successful";
        return new Measured(phase, response.statusCode(), answer);
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher m = Pattern.compile("\\{\\{([^}]*)}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tag = m.group(1).strip();
            assertTrue(
                    tag.startsWith("args.") && args.containsKey(tag.substring(5)), "failed to resolve {{" + tag + "}}");
            m.appendReplacement(out, Matcher.quoteReplacement(args.get(tag.substring(5))));
        }
        return m.appendTail(out).toString();
    }

    /** client-go jsonpath for the dotted form {@code {$.a.b}}; anything else would need the real parser. */
    private static JsonNode jsonPath(JsonNode document, String path) {
        Matcher m = Pattern.compile("\\{\\$((?:\\.[A-Za-z0-9_]+)*)}").matcher(path);
        assertTrue(m.matches(), "this replay understands {$.a.b} jsonPaths only: " + path);
        JsonNode node = document;
        for (String key : m.group(1).split("\\.")) {
            if (!key.isEmpty()) {
                assertTrue(node.has(key), key + " is not found");
                node = node.get(key);
            }
        }
        return node;
    }

    /** expr's {@code result == "X"}, joined by {@code ||}: the forms a string result allows without asInt/asFloat. */
    private static boolean condition(String expression, JsonNode result) {
        assertTrue(result.isTextual(), "result is a string for these conditions: " + result);
        boolean any = false;
        for (String part : expression.split("\\|\\|")) {
            Matcher m = Pattern.compile("\\s*result\\s*==\\s*\"([^\"]*)\"\\s*").matcher(part);
            assertTrue(m.matches(), "this replay understands result == \"X\" conditions only: " + expression);
            any |= result.asText().equals(m.group(1));
        }
        return any;
    }

    @Test
    void eachVerdictIsTheMeasurementPhaseItShouldBe() throws Exception {
        Map<String, String> expected = Map.of(
                "healthy-color-change",
                "Successful",
                "go-panic-index-out-of-range",
                "Failed",
                "inconclusive-low-traffic-overnight",
                "Inconclusive");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            try (LocalCouncil council = council(e.getKey())) {
                Measured m = measure(council.orchestratorUrl(), args(e.getKey()));
                assertEquals(e.getValue(), m.phase(), e.getKey() + ": " + m.answer());
                assertEquals(
                        args(e.getKey()).get("canary-hash"),
                        m.answer().path("canaryHash").asText());
                assertTrue(m.answer().path("summary").asText().length() > 20, m.answer()::toString);
            }
        }
    }

    @Test
    void askingAgainWhileItRunsOrJustAfterGetsTheSameAnalysis() throws Exception {
        try (LocalCouncil council = council("go-panic-index-out-of-range")) {
            Map<String, String> args = args("go-panic-index-out-of-range");
            CompletableFuture<Measured> first = CompletableFuture.supplyAsync(() -> quietly(council, args));
            CompletableFuture<Measured> second = CompletableFuture.supplyAsync(() -> quietly(council, args));
            String id = first.get().answer().path("analysisId").asText();
            assertEquals(id, second.get().answer().path("analysisId").asText(), "two asks at once, one analysis");
            assertEquals(
                    id,
                    measure(council.orchestratorUrl(), args)
                            .answer()
                            .path("analysisId")
                            .asText(),
                    "a retry just after");
            Map<String, String> otherStep = new java.util.HashMap<>(args);
            // Another canary hash is another measurement, never the kept answer.
            otherStep.put("canary-hash", "0000000000");
            Measured unknown = measure(council.orchestratorUrl(), otherStep);
            assertEquals("Error", unknown.phase());
            assertEquals(404, unknown.status());
            assertEquals("canaryHash", unknown.answer().path("field").asText(), unknown.answer()::toString);
        }
    }

    private static Measured quietly(LocalCouncil council, Map<String, String> args) {
        try {
            return measure(council.orchestratorUrl(), args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTemplateSendsTheGateTokenFromItsSecretToACouncilThatDemandsIt() throws Exception {
        AgentSecret council = AgentSecret.of("council-" + java.util.UUID.randomUUID());
        AgentSecret gate = AgentSecret.of("gate-" + java.util.UUID.randomUUID());
        CouncilAssembly guarded = new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults().withAuth(ServerAuth.bearer(council)),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none())
                .withGate(GateSettings.defaults().withGateToken(gate), OptionalInt.of(0));
        try (LocalCouncil local = RecordedCouncils.start(guarded, "healthy-color-change")) {
            String gateUrl = local.part("orchestrator").gateUrl();
            Measured m = measure(gateUrl, args("healthy-color-change", gate.reveal()));
            assertEquals("Successful", m.phase(), m.answer()::toString);
            Measured wrong = measure(gateUrl, args("healthy-color-change", "a-guess"));
            assertEquals("Error", wrong.phase());
            assertEquals(401, wrong.status());
        }
    }

    @Test
    void onlyTheRolloutNamedTakesItsCurrentHashes() throws Exception {
        try (LocalCouncil council = council("healthy-color-change")) {
            Map<String, String> args = args("healthy-color-change");
            var response = dev.canarycouncil.runtime.testing.TestHttp.get(council.orchestratorUrl()
                    + "/api/v1/analyses?namespace=" + args.get("namespace") + "&rollout=" + args.get("rollout"));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = Json.mapper().readTree(response.body());
            assertEquals("PROMOTE", answer.path("decision").asText());
            assertEquals(args.get("canary-hash"), answer.path("canaryHash").asText());
            assertEquals(args.get("stable-hash"), answer.path("stableHash").asText());
        }
    }

    @Test
    void badInputIs400NamingTheFieldAndAMovedStableIs409() throws Exception {
        try (LocalCouncil council = council("healthy-color-change")) {
            String url = council.orchestratorUrl() + "/api/v1/analyses";
            Map<String, String> cases = Map.of(
                    "{\"rollout\":\"checkout\"}", "namespace",
                    "{\"namespace\":\"Shop!\",\"rollout\":\"checkout\"}", "namespace",
                    "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"{{args.canary-hash}}\"}",
                            "canaryHash",
                    "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"abc\",\"stableHash\":\"abc\"}",
                            "stableHash",
                    "not json", "body");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                var response = dev.canarycouncil.runtime.testing.TestHttp.postJson(url, c.getKey());
                assertEquals(400, response.statusCode(), c.getKey() + " -> " + response.body());
                assertEquals(
                        c.getValue(),
                        Json.mapper().readTree(response.body()).path("field").asText(),
                        response.body());
            }
            Map<String, String> args = new java.util.HashMap<>(args("healthy-color-change"));
            args.put("stable-hash", "aaaaaaaaaa");
            Measured moved = measure(council.orchestratorUrl(), args);
            assertEquals(409, moved.status(), moved.answer()::toString);
            assertNotEquals("Successful", moved.phase());
        }
    }
}
