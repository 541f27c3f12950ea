package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.testing.TestHttp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** serve as real processes: all parts in one JVM, and one process per part as in production. */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("^(\\S+) listening on (http://127\\.0\\.0\\.1:(\\d+))$");
    private static final String PLUGIN_BODY = "{\"userId\":\"argo-rollouts\",\"prompt\":\"p\",\"context\":"
            + "{\"namespace\":\"shop\",\"podName\":\"7c9d6f5b4\"}}";

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** Starts {@code serve} with the test classpath; returns the announced URLs by part name. */
    private Map<String, String> serve(int expectedParts, String... args) throws Exception {
        return serve(Map.of(), expectedParts, args);
    }

    private Map<String, String> serve(Map<String, String> env, int expectedParts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        Map<String, String> urls = new LinkedHashMap<>();
        while (urls.size() < expectedParts) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertTrue(line != null, "serve did not announce its parts in time: " + urls);
            Matcher m = LISTENING.matcher(line);
            assertTrue(m.matches(), "unexpected stdout line: " + line);
            urls.put(m.group(1), m.group(2));
        }
        return urls;
    }

    @Test
    void allPartsInOneJvmAnnounceThemselvesAndAnswer() throws Exception {
        Map<String, String> urls = serve(
                5,
                "--recording",
                Recordings.named("go-panic-index-out-of-range").toString(),
                "--base-port",
                "0");
        assertEquals(
                Set.of("mcp-tools", "log-analyst", "metrics-agent", "issue-writer", "orchestrator"), urls.keySet());
        for (String agent : List.of("log-analyst", "metrics-agent", "issue-writer", "orchestrator")) {
            JsonNode card = Json.mapper()
                    .readTree(TestHttp.get(urls.get(agent) + "/.well-known/agent-card.json")
                            .body());
            assertEquals(agent, card.get("name").asText());
            assertEquals(urls.get(agent), card.get("url").asText());
        }
        JsonNode answer = Json.mapper()
                .readTree(TestHttp.postJson(urls.get("orchestrator") + "/a2a/analyze", PLUGIN_BODY)
                        .body());
        assertFalse(answer.get("promote").asBoolean(), answer::toString);
        Process p = processes.get(0);
        p.destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    }

    @Test
    void onePartPerProcessFindEachOtherByUrl() throws Exception {
        String recording = Recordings.named("5xx-spike-payments-timeout").toString();
        String mcp = serve(1, "--agent", "mcp-tools", "--port", "0", "--recording", recording)
                        .get("mcp-tools") + "/mcp";
        String logs = serve(1, "--agent", "log-analyst", "--port", "0", "--mcp-url", mcp)
                .get("log-analyst");
        String metrics = serve(1, "--agent", "metrics-agent", "--port", "0", "--mcp-url", mcp)
                .get("metrics-agent");
        String issues = serve(1, "--agent", "issue-writer", "--port", "0").get("issue-writer");
        String members = String.join(
                ",",
                logs + "/.well-known/agent-card.json",
                metrics + "/.well-known/agent-card.json",
                issues + "/.well-known/agent-card.json");
        String orchestrator = serve(1, "--agent", "orchestrator", "--port", "0", "--mcp-url", mcp, "--member", members)
                .get("orchestrator");
        JsonNode answer = Json.mapper()
                .readTree(TestHttp.postJson(orchestrator + "/a2a/analyze", PLUGIN_BODY)
                        .body());
        assertEquals("ROLLBACK", answer.get("verdict").asText(), answer::toString);
        assertTrue(answer.get("analysis").asText().contains("metrics-agent: ROLLBACK"), answer::toString);
        assertTrue(answer.get("issueTitle").asText().startsWith("Canary 7c9d6f5b4 of checkout"), answer::toString);
    }

    /**
     * Production's shape with authentication on: every part its own process with the token in
     * its environment, the MCP server refusing anyone without it, the specialists presenting it,
     * the orchestrator's controller endpoints on their own port behind the gate token.
     */
    @Test
    void separateProcessesAuthenticateToEachOtherAndTheMcpServer() throws Exception {
        Map<String, String> env = Map.of(
                AuthOptions.TOKEN_ENV,
                "council-token-for-the-process-test",
                GateOptions.GATE_TOKEN_ENV,
                "gate-token-for-the-process-test");
        String recording = Recordings.named("5xx-spike-payments-timeout").toString();
        String mcp = serve(env, 1, "--agent", "mcp-tools", "--port", "0", "--recording", recording)
                        .get("mcp-tools") + "/mcp";
        assertEquals(
                401,
                TestHttp.postJson(mcp, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                        .statusCode(),
                "the MCP server answers nobody without the token");
        String logs = serve(env, 1, "--agent", "log-analyst", "--port", "0", "--mcp-url", mcp)
                .get("log-analyst");
        String metrics = serve(env, 1, "--agent", "metrics-agent", "--port", "0", "--mcp-url", mcp)
                .get("metrics-agent");
        String issues = serve(env, 1, "--agent", "issue-writer", "--port", "0", "--mcp-url", mcp)
                .get("issue-writer");
        String members = String.join(
                ",",
                logs + "/.well-known/agent-card.json",
                metrics + "/.well-known/agent-card.json",
                issues + "/.well-known/agent-card.json");
        Map<String, String> orchestrator = serve(
                env,
                2,
                "--agent",
                "orchestrator",
                "--port",
                "0",
                "--gate-port",
                "0",
                "--mcp-url",
                mcp,
                "--member",
                members);
        String gate = orchestrator.get("orchestrator-gate");
        assertTrue(gate != null && !gate.equals(orchestrator.get("orchestrator")), orchestrator.toString());

        String body = "{\"namespace\":\"shop\",\"rollout\":\"checkout\",\"canaryHash\":\"7c9d6f5b4\"}";
        assertEquals(401, TestHttp.postJson(gate + "/api/v1/analyses", body).statusCode());
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(gate + "/api/v1/analyses"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer gate-token-for-the-process-test")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode verdict = Json.mapper().readTree(answer.body());
        assertEquals("ROLLBACK", verdict.path("decision").asText(), answer.body());
        assertTrue(
                verdict.path("summary").asText().contains("metrics-agent: ROLLBACK"),
                "the specialists read the MCP server: " + answer.body());
    }
}
