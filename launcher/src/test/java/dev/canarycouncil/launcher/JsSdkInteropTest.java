package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with the official JavaScript A2A SDK ({@code @a2a-js/sdk}, pinned in
 * {@code src/test/js/package.json}), both ways: its client calls our orchestrator, and an agent
 * built on its server joins the council and votes. Needs Node and {@code npm ci} in
 * {@code src/test/js}; without them the test is skipped, unless {@code CI} is set: there a
 * missing real part fails the build.
 */
class JsSdkInteropTest {

    private static final String RECORDING = "healthy-color-change";
    private static final Pattern LISTENING = Pattern.compile("^js-agent listening on (http://127\\.0\\.0\\.1:\\d+)$");
    private static final Duration AGENT_START = Duration.ofSeconds(30);
    private static final Duration CALL = Duration.ofSeconds(120);

    private static Path jsDir;
    private static Path node;
    private static Vertx vertx;
    private static LocalCouncil council;

    /** Every node process a test started; stopped after it, whatever happened. */
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() {
        jsDir = findJsDir();
        node = findNode();
        List<String> missing = new ArrayList<>();
        if (node == null) {
            missing.add("node is not on the PATH");
        }
        for (String module : List.of("@a2a-js/sdk", "express")) {
            if (!Files.isDirectory(jsDir.resolve("node_modules").resolve(module))) {
                missing.add(jsDir.resolve("node_modules").resolve(module) + " is missing");
            }
        }
        if (!missing.isEmpty() && System.getenv("CI") != null) {
            fail("CI is set but " + String.join(", ", missing)
                    + ": .ci/run should have installed nodejs and npm and run "
                    + "`npm ci --prefix launcher/src/test/js`");
        }
        assumeTrue(
                missing.isEmpty(),
                String.join(", ", missing) + " (install Node 18+ and run `npm ci` in " + jsDir + ")");

        vertx = VertxFactory.create(64);
        council = LocalCouncil.start(
                new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults(),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none()),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named(RECORDING))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                line -> {});
    }

    @AfterAll
    static void stop() {
        if (council != null) {
            council.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @AfterEach
    void stopNodeProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        processes.clear();
    }

    // ---- the JavaScript SDK's client calls our orchestrator ----

    @Test
    void jsClientGetsTheVerdictFromABlockingSend() throws Exception {
        NodeRun run = runNode(
                List.of(
                        "call-orchestrator.mjs",
                        council.part("orchestrator").cardUrl(),
                        "blocking",
                        "shop",
                        canaryPod()),
                Map.of());
        assertEquals(0, run.code(), run::describe);
        JsonNode result = Json.mapper().readTree(run.lastLine());
        assertEquals("blocking", result.path("mode").asText(), run::describe);
        assertEquals("task", result.path("kind").asText(), run::describe);
        assertEquals("completed", result.path("state").asText(), run::describe);
        assertEquals("PROMOTE", result.path("decision").asText(), run::describe);
        assertTrue(result.path("confidence").asInt() >= 50, run::describe);
    }

    @Test
    void jsClientStreamsTheProgressThenTheVerdict() throws Exception {
        NodeRun run = runNode(
                List.of(
                        "call-orchestrator.mjs",
                        council.part("orchestrator").cardUrl(),
                        "streaming",
                        "shop",
                        canaryPod()),
                Map.of());
        assertEquals(0, run.code(), run::describe);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out()) {
            lines.add(Json.mapper().readTree(line));
        }
        JsonNode result = lines.remove(lines.size() - 1);
        assertEquals("streaming", result.path("mode").asText(), run::describe);
        assertEquals("completed", result.path("state").asText(), run::describe);
        assertEquals("PROMOTE", result.path("decision").asText(), run::describe);
        assertEquals(lines.size(), result.path("events").asInt(), run::describe);

        assertEquals("task", lines.get(0).path("event").asText(), "A2A 0.3: the first streamed event is the Task");
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("status-update", last.path("event").asText(), run::describe);
        assertEquals("completed", last.path("state").asText(), run::describe);
        long progress = lines.subList(0, lines.size() - 1).stream()
                .filter(e -> e.path("event").asText().equals("status-update")
                        && e.path("state").asText().equals("working"))
                .count();
        assertTrue(progress > 1, "progress should stream before the verdict: " + run.describe());
    }

    // ---- an agent built on the JavaScript SDK's server joins the council ----

    @Test
    void withoutTheJsAgentTheHealthyCanaryIsPromoted() throws Exception {
        CliRun run =
                CliRun.of("analyze", "--recording", Recordings.named(RECORDING).toString(), "--json", "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals(
                "PROMOTE", Json.mapper().readTree(run.out()).path("decision").asText(), run.out());
    }

    @Test
    void aConfidentRollbackFromTheJsAgentRollsTheCanaryBack() throws Exception {
        String agent = startAgent(Map.of("VERDICT", "ROLLBACK", "CONFIDENCE", "95"));
        CliRun run = CliRun.of(
                "analyze",
                "--recording",
                Recordings.named(RECORDING).toString(),
                "--member",
                agent + "/.well-known/agent-card.json",
                "--json",
                "--quiet");
        assertEquals(1, run.code(), run.err() + run.out());
        JsonNode verdict = Json.mapper().readTree(run.out());
        assertEquals("ROLLBACK", verdict.path("decision").asText(), run.out());
        JsonNode js = findingOf(verdict, "js-trace-agent");
        assertTrue(
                js != null,
                "no finding from js-trace-agent: " + verdict.path("findings") + " failures: "
                        + verdict.path("failures"));
        assertEquals("ROLLBACK", js.path("verdict").asText());
        assertEquals(95, js.path("confidence").asInt());
        assertEquals("promql", js.path("evidence").path(0).path("kind").asText(), js::toString);
        assertEquals(
                List.of(),
                findingSchema().validate(js),
                "the JS agent's finding, as the verdict carries it, fits the " + "published schema");
        assertTrue(
                verdict.path("rationale").asText().contains("js-trace-agent"),
                verdict.path("rationale").asText());
        // Our own members still voted: the JS agent was added, not substituted.
        assertTrue(
                findingOf(verdict, "log-analyst") != null && findingOf(verdict, "metrics-agent") != null,
                verdict.path("findings")::toString);
    }

    @Test
    void aTextOnlyReplyIsAcceptedAndNamed() throws Exception {
        String agent = startAgent(Map.of("MODE", "text"));
        CliRun run = CliRun.of(
                "analyze",
                "--recording",
                Recordings.named(RECORDING).toString(),
                "--member",
                agent + "/.well-known/agent-card.json",
                "--json",
                "--quiet");
        // How much a text-only vote weighs is not settled; that the analysis completes and names it is.
        assertTrue(run.code() >= 0 && run.code() <= 2, "exit " + run.code() + ": " + run.err());
        JsonNode verdict = Json.mapper().readTree(run.out());
        boolean named = findingOf(verdict, "js-trace-agent") != null
                || verdict.path("rationale").asText().contains("js-trace-agent");
        assertTrue(named, "js-trace-agent is neither among the findings nor in the rationale: " + verdict);
    }

    // ---- helpers ----

    private static JsonNode findingOf(JsonNode verdict, String agent) {
        for (JsonNode f : verdict.path("findings")) {
            if (agent.equals(f.path("agent").asText())) {
                return f;
            }
        }
        return null;
    }

    private static Schema findingSchema() throws IOException {
        try (InputStream in =
                JsSdkInteropTest.class.getClassLoader().getResourceAsStream("agent-cards/finding.schema.json")) {
            assertTrue(in != null, "the schema ships in the agent-cards jar");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    /** A canary pod's full name (not only its hash), as a caller holding a pod would send it. */
    private static String canaryPod() {
        return RecordedRollout.load(Recordings.named(RECORDING)).pods().stream()
                .map(p -> p.name())
                .filter(n -> n.contains("7c9d6f5b4"))
                .findFirst()
                .orElseThrow();
    }

    /** Starts plugin-agent.mjs on a free port; returns its base URL once it says it listens. */
    private String startAgent(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", "0");
        Process process = start(List.of("plugin-agent.mjs"), all);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder err = new StringBuilder();
        pump(process.getInputStream(), lines::add);
        pump(process.getErrorStream(), line -> {
            synchronized (err) {
                err.append(line).append('\n');
            }
        });
        long until = System.nanoTime() + AGENT_START.toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                assertTrue(m.matches(), "unexpected stdout line from plugin-agent.mjs: " + line);
                return m.group(1);
            }
            if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        synchronized (err) {
            fail("plugin-agent.mjs (pid " + process.pid() + ") did not announce itself within "
                    + AGENT_START.toSeconds() + " s" + (process.isAlive() ? "" : ", exit " + process.exitValue()) + ": "
                    + err);
        }
        return null;
    }

    /** Runs a script to its end (within {@link #CALL}), with what it printed. */
    private NodeRun runNode(List<String> args, Map<String, String> env) throws Exception {
        Process process = start(args, env);
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        Thread o = pump(process.getInputStream(), out::add);
        Thread e = pump(process.getErrorStream(), err::add);
        if (!process.waitFor(CALL.toSeconds(), TimeUnit.SECONDS)) {
            fail(args.get(0) + " (pid " + process.pid() + ") did not finish within " + CALL.toSeconds() + " s; stdout: "
                    + out + " stderr: " + err);
        }
        o.join(5_000);
        e.join(5_000);
        return new NodeRun(process.exitValue(), List.copyOf(out), List.copyOf(err));
    }

    private Process start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(node.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(jsDir.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            sink.accept(line);
                        }
                    } catch (IOException ignored) {
                        // The process ended.
                    }
                },
                "node-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private record NodeRun(int code, List<String> out, List<String> err) {

        String lastLine() {
            assertTrue(!out.isEmpty(), "no output: " + describe());
            return out.get(out.size() - 1);
        }

        String describe() {
            return "exit " + code + "\nstdout:\n" + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err);
        }
    }

    /** src/test/js of this module, whether Maven runs from the module or from the repository root. */
    private static Path findJsDir() {
        Path here = Path.of("src", "test", "js");
        return Files.isDirectory(here)
                ? here.toAbsolutePath()
                : Path.of("launcher", "src", "test", "js").toAbsolutePath();
    }

    private static Path findNode() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
            return dirs.filter(d -> !d.isBlank())
                    .map(d -> Path.of(d, "node"))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElse(null);
        }
    }
}
