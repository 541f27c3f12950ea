package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.kubernetes.LogTextReader;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.PodInfo;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logs of a pod with two containers, one of which crash-looped, read through the live backend. */
class LiveLogsTest {

    private static final String NS = "shop";
    private static final String POD = "worker-6d5f7c8b9-x2k4p";
    private static final String APP_LOG = lines("app", 30, 0);
    private static final String SIDECAR_LOG = lines("sidecar", 5, 9);
    private static final String SIDECAR_PREVIOUS =
            lines("sidecar-before-oom", 8, 2) + "fatal error: runtime: out of memory\n";

    private static RecordingInMockCluster cluster;
    private static KubernetesClusterBackend backend;

    @BeforeAll
    static void start() {
        cluster = RecordingInMockCluster.start(Recordings.named("healthy-color-change"));
        Instant started = Instant.parse("2026-05-05T10:00:04Z");
        cluster.addPod(
                new PodInfo(
                        POD,
                        NS,
                        Map.of("app", "worker"),
                        "Running",
                        false,
                        started,
                        List.of(
                                new ContainerInfo(
                                        "app",
                                        "registry.example.com/worker:2.0.0",
                                        true,
                                        0,
                                        "running",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                new ContainerInfo(
                                        "sidecar",
                                        "registry.example.com/cache:1.1",
                                        false,
                                        2,
                                        "waiting",
                                        "CrashLoopBackOff",
                                        "back-off 20s restarting failed container",
                                        null,
                                        "OOMKilled",
                                        137,
                                        Instant.parse("2026-05-05T10:06:00Z")))),
                null);
        cluster.putLog(POD, "app", false, APP_LOG);
        cluster.putLog(POD, "sidecar", false, SIDECAR_LOG);
        cluster.putLog(POD, "sidecar", true, SIDECAR_PREVIOUS);
        backend = cluster.backend();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** {@code n} timestamped lines, one a minute from 10:{@code firstMinute}. */
    private static String lines(String name, int n, int firstMinute) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(String.format("2026-05-05T10:%02d:00Z INFO %s line %d%n", firstMinute + i, name, i));
        }
        return out.toString();
    }

    private static LogQuery query(String container, Integer tail, Instant since, boolean previous, long limit) {
        return new LogQuery(NS, POD, container, tail, since, previous, limit);
    }

    @Test
    void readsEveryContainerInSpecOrder() {
        List<ContainerLog> logs = backend.logs(query(null, null, null, false, 1_000_000));
        assertEquals(
                List.of(
                        new ContainerLog(POD, "app", false, APP_LOG, 30, false),
                        new ContainerLog(POD, "sidecar", false, SIDECAR_LOG, 5, false)),
                logs);
    }

    @Test
    void readsThePreviousContainerOfTheOneThatRestarted() {
        assertEquals(
                List.of(new ContainerLog(POD, "sidecar", true, SIDECAR_PREVIOUS, 9, false)),
                backend.logs(query("sidecar", null, null, true, 1_000_000)));
        // Of all containers, only those with a previous one answer.
        assertEquals(
                List.of(new ContainerLog(POD, "sidecar", true, SIDECAR_PREVIOUS, 9, false)),
                backend.logs(query(null, null, null, true, 1_000_000)));
    }

    @Test
    void previousOfAContainerThatNeverRestartedIsNotFound() {
        ToolException e = assertThrows(ToolException.class, () -> backend.logs(query("app", null, null, true, 1000)));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals("previous terminated container app not found in pod " + POD, e.getMessage());
    }

    @Test
    void keepsTheLastLines() {
        ContainerLog app = backend.logs(query("app", 2, null, false, 1_000_000)).get(0);
        assertEquals("2026-05-05T10:28:00Z INFO app line 28\n2026-05-05T10:29:00Z INFO app line 29\n", app.text());
        assertEquals(2, app.lineCount());
        assertFalse(app.truncated());
        assertEquals(
                List.of(3, 3),
                backend.logs(query(null, 3, null, false, 1_000_000)).stream()
                        .map(ContainerLog::lineCount)
                        .toList());
    }

    @Test
    void keepsLinesSinceATime() {
        ContainerLog app = backend.logs(query("app", null, Instant.parse("2026-05-05T10:25:00Z"), false, 1_000_000))
                .get(0);
        assertEquals(5, app.lineCount());
        assertTrue(app.text().startsWith("2026-05-05T10:25:00Z INFO app line 25\n"), app.text());
    }

    @Test
    void capsBytesKeepingTheNewestLinesAndSaysSo() {
        ContainerLog app = backend.logs(query("app", null, null, false, 100)).get(0);
        assertTrue(app.truncated());
        assertTrue(app.text().getBytes(StandardCharsets.UTF_8).length <= 100, app.text());
        assertTrue(app.text().endsWith("INFO app line 29\n"), app.text());
        assertEquals(app.text().lines().count(), app.lineCount());
    }

    @Test
    void aLogLargerThanTheTransferCeilingStillEndsWithItsNewestLines() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            big.append("2026-05-05T10:00:00Z DEBUG cache refresh ").append(i).append('\n');
        }
        String pod = "bulky-6d5f7c8b9-q8w2e";
        cluster.addPod(
                new PodInfo(
                        pod,
                        NS,
                        Map.of("app", "bulky"),
                        "Running",
                        true,
                        null,
                        List.of(new ContainerInfo(
                                "app",
                                "registry.example.com/bulky:1",
                                true,
                                0,
                                "running",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))),
                null);
        cluster.putLog(pod, "app", false, big.toString());
        assertTrue(big.length() > PodLogReader.transferCeiling(2000), "the log must exceed the ceiling");

        ContainerLog log = backend.logs(new LogQuery(NS, pod, null, null, null, false, 2000))
                .get(0);
        LogTextReader.Result whole = LogTextReader.read(
                new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.UTF_8)), null, null, 2000);
        assertEquals(whole.text(), log.text());
        assertEquals(whole.lineCount(), log.lineCount());
        assertTrue(log.truncated());
        assertTrue(log.text().endsWith("cache refresh 119999\n"));
    }

    @Test
    void aContainerWaitingToStartHasAnEmptyLog() {
        String pod = "pending-6d5f7c8b9-z9y8x";
        cluster.addPod(
                new PodInfo(
                        pod,
                        NS,
                        Map.of("app", "pending"),
                        "Pending",
                        false,
                        null,
                        List.of(new ContainerInfo(
                                "app",
                                "registry.example.com/pending:1",
                                false,
                                0,
                                "waiting",
                                "ContainerCreating",
                                null,
                                null,
                                null,
                                null,
                                null))),
                null);
        cluster.server()
                .expect()
                .get()
                .withPath("/api/v1/namespaces/shop/pods/" + pod + "/log?container=app&limitBytes=65536")
                .andReturn(
                        400,
                        new StatusBuilder()
                                .withCode(400)
                                .withReason("BadRequest")
                                .withMessage("container \"app\" in pod \"" + pod
                                        + "\" is waiting to start: ContainerCreating")
                                .build())
                .always();
        assertEquals(
                List.of(new ContainerLog(pod, "app", false, "", 0, false)),
                backend.logs(new LogQuery(NS, pod, null, null, null, false, 1000)));
    }

    @Test
    void aPreviousContainerTheKubeletNoLongerKeepsIsNotFoundWhenNamed() {
        String pod = "rotated-6d5f7c8b9-r4t5y";
        cluster.addPod(
                new PodInfo(
                        pod,
                        NS,
                        Map.of("app", "rotated"),
                        "Running",
                        true,
                        null,
                        List.of(new ContainerInfo(
                                "app",
                                "registry.example.com/rotated:1",
                                true,
                                7,
                                "running",
                                null,
                                null,
                                null,
                                "Error",
                                1,
                                null))),
                null);
        ToolException e = assertThrows(
                ToolException.class, () -> backend.logs(new LogQuery(NS, pod, "app", null, null, true, 1000)));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals(List.of(), backend.logs(new LogQuery(NS, pod, null, null, null, true, 1000)));
    }
}
