package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.TestHttp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link MigrationCheckerAgent#main} as a real process: what it prints, how it exits, that SIGTERM stops it. */
class MigrationCheckerProcessTest {

    private static final Pattern LISTENING =
            Pattern.compile("^migration-checker listening on (http://127\\.0\\.0\\.1:(\\d+))$");

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private Process start(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                MigrationCheckerAgent.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(LaunchOptions.MCP_URL_ENV);
        builder.environment().putAll(env);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private record Exit(int code, String stdout, String stderr) {}

    private Exit run(String... args) throws Exception {
        Process p = start(Map.of(), args);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not exit");
        return new Exit(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void assertUsageError(Exit exit, String message) {
        assertEquals(3, exit.code(), exit::toString);
        List<String> lines = exit.stderr().lines().toList();
        assertEquals("migration-checker: " + message, lines.get(0));
        assertTrue(lines.get(1).startsWith("usage: migration-checker --mcp-url URL"), exit.stderr());
        assertFalse(exit.stderr().contains("Exception") || exit.stderr().contains("\tat "), exit.stderr());
        assertEquals("", exit.stdout());
    }

    @Test
    void aMissingMcpUrlIsAUsageError() throws Exception {
        assertUsageError(run("--port", "0"), "--mcp-url is required (or set CANARY_COUNCIL_MCP_URL)");
    }

    @Test
    void aBadPortIsAUsageError() throws Exception {
        assertUsageError(
                run("--mcp-url", "http://127.0.0.1:8090/mcp", "--port", "eighty"),
                "--port must be a number from 0 to 65535, was 'eighty'");
    }

    @Test
    void aTakenPortIsARuntimeErrorInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Exit exit = run("--mcp-url", "http://127.0.0.1:8090/mcp", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(4, exit.code(), exit::toString);
            assertEquals(1, exit.stderr().lines().count(), exit.stderr());
            assertTrue(
                    exit.stderr().startsWith("migration-checker: Cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    exit.stderr());
        }
    }

    @Test
    void itAnnouncesItselfServesItsCardAndStopsOnSigterm() throws Exception {
        // The MCP URL comes from the environment; nothing is listening there, which only matters once asked to analyse.
        Process p = start(Map.of(LaunchOptions.MCP_URL_ENV, "http://127.0.0.1:9/mcp"), "--port", "0");
        BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(stdout::add);
            } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        String line = stdout.poll(60, TimeUnit.SECONDS);
        assertNotNull(line, "no announcement on stdout");
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), line);

        JsonNode card = Json.mapper()
                .readTree(TestHttp.get(m.group(1) + "/.well-known/agent-card.json")
                        .body());
        assertEquals("migration-checker", card.get("name").asText());
        assertEquals(m.group(1), card.get("url").asText());

        p.destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "did not stop on SIGTERM");
    }
}
