package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.canarycouncil.mcp.kubernetes.ClusterBackend;
import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.recorded.RecordedClusterBackend;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.mcp.testing.RecordingInMockCluster;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.testing.Recordings;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.tools.RolloutPods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled recording, loaded into the Kubernetes mock, answers through the live backend as
 * it does through the recorded one. Lists are compared in a fixed order: a real API server lists
 * by name, a recording in file order.
 */
class RecordingParityTest {

    private static final Comparator<EventInfo> EVENT_ORDER = EventInfoMapper.CHRONOLOGICAL
            .thenComparing(EventInfo::reason)
            .thenComparing(EventInfo::involvedName)
            .thenComparing(EventInfo::message);

    static Stream<String> recordings() throws IOException {
        try (Stream<Path> dirs = Files.list(Recordings.root())) {
            List<String> names = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            assertFalse(names.isEmpty(), "no bundled recordings under " + Recordings.root());
            return names.stream();
        }
    }

    private record Pair(ClusterBackend recorded, ClusterBackend live, RecordedRollout recording) {}

    private static void withBoth(String name, java.util.function.Consumer<Pair> test) {
        RecordedRollout recording = RecordedRollout.load(Recordings.named(name));
        try (RecordingInMockCluster cluster = RecordingInMockCluster.start(recording)) {
            test.accept(new Pair(new RecordedClusterBackend(recording), cluster.backend(), recording));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void resolvesTheCanaryHashAndEachCanaryPodLikeTheRecording(String name) {
        withBoth(name, b -> {
            RolloutManifest m = b.recording().manifest();
            RolloutPods expected =
                    sorted(b.recorded().resolve(m.namespace(), m.canary().podTemplateHash(), null));
            assertEquals(
                    expected, sorted(b.live().resolve(m.namespace(), m.canary().podTemplateHash(), null)));
            assertEquals(
                    expected, sorted(b.live().resolve(m.namespace(), m.canary().podTemplateHash(), m.rollout())));
            assertFalse(expected.canary().pods().isEmpty());
            for (String pod : expected.canary().pods()) {
                assertEquals(
                        sorted(b.recorded().resolve(m.namespace(), pod, null)),
                        sorted(b.live().resolve(m.namespace(), pod, null)),
                        pod);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void refusesStableAndUnknownTargetsLikeTheRecording(String name) {
        withBoth(name, b -> {
            RolloutManifest m = b.recording().manifest();
            String ns = m.namespace();
            ToolException recordedStable =
                    failure(() -> b.recorded().resolve(ns, m.stable().podTemplateHash(), null));
            ToolException liveStable =
                    failure(() -> b.live().resolve(ns, m.stable().podTemplateHash(), null));
            assertEquals(recordedStable.kind(), liveStable.kind());
            assertEquals(recordedStable.getMessage(), liveStable.getMessage());
            String stablePod = b.recorded()
                    .resolve(ns, m.canary().podTemplateHash(), null)
                    .stable()
                    .pods()
                    .get(0);
            assertEquals(
                    failure(() -> b.recorded().resolve(ns, stablePod, null)).getMessage(),
                    failure(() -> b.live().resolve(ns, stablePod, null)).getMessage());
            assertSameKind(
                    () -> b.recorded().resolve(ns, "0a1b2c3d4", null),
                    () -> b.live().resolve(ns, "0a1b2c3d4", null));
            assertSameKind(
                    () -> b.recorded().resolve(ns, m.canary().podTemplateHash(), "other"),
                    () -> b.live().resolve(ns, m.canary().podTemplateHash(), "other"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void listsAndDescribesPodsLikeTheRecording(String name) {
        withBoth(name, b -> {
            RolloutManifest m = b.recording().manifest();
            String ns = m.namespace();
            String canary = m.canary().podTemplateHash();
            String stable = m.stable().podTemplateHash();
            for (String selector : new String[] {
                null,
                "",
                m.canary().selector(),
                m.stable().selector(),
                "rollouts-pod-template-hash!=" + canary,
                "rollouts-pod-template-hash in (" + canary + "," + stable + ")",
                "rollouts-pod-template-hash notin (" + stable + ")",
                "app",
                "!app"
            }) {
                assertEquals(
                        byName(b.recorded().listPods(ns, selector)),
                        byName(b.live().listPods(ns, selector)),
                        "selector " + selector);
            }
            for (PodInfo p : b.recording().pods()) {
                assertEquals(b.recorded().pod(ns, p.name()), b.live().pod(ns, p.name()));
            }
            assertSameKind(
                    () -> b.recorded().pod(ns, "no-such-pod"), () -> b.live().pod(ns, "no-such-pod"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void listsEventsAndRolloutStatusLikeTheRecording(String name) {
        withBoth(name, b -> {
            RolloutManifest m = b.recording().manifest();
            String ns = m.namespace();
            List<String> involved = new ArrayList<>();
            involved.add(null);
            involved.add(m.rollout());
            involved.add("nothing-by-this-name");
            b.recording().pods().forEach(p -> involved.add(p.name()));
            for (String name2 : involved) {
                assertEquals(
                        sortedEvents(b.recorded().events(ns, name2)),
                        sortedEvents(b.live().events(ns, name2)),
                        "events about " + name2);
            }
            assertEquals(b.recorded().rollout(ns, m.rollout()), b.live().rollout(ns, m.rollout()));
            assertSameKind(
                    () -> b.recorded().rollout(ns, "other"), () -> b.live().rollout(ns, "other"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void readsLogsLikeTheRecording(String name) {
        withBoth(name, b -> {
            RolloutManifest m = b.recording().manifest();
            String ns = m.namespace();
            for (PodInfo p : b.recording().pods()) {
                String first = p.containers().get(0).name();
                List<LogQuery> queries = List.of(
                        new LogQuery(ns, p.name(), null, null, null, false, 4L * 1024 * 1024),
                        new LogQuery(ns, p.name(), null, null, null, true, 4L * 1024 * 1024),
                        new LogQuery(ns, p.name(), first, 5, null, false, 4L * 1024 * 1024),
                        new LogQuery(ns, p.name(), null, null, null, false, 300),
                        new LogQuery(ns, p.name(), null, 20, null, false, 700),
                        new LogQuery(ns, p.name(), null, 3, null, true, 4L * 1024 * 1024),
                        new LogQuery(
                                ns,
                                p.name(),
                                null,
                                null,
                                m.window().start().plus(Duration.ofMinutes(5)),
                                false,
                                4L * 1024 * 1024),
                        new LogQuery(
                                ns, p.name(), null, 10, m.window().start().plus(Duration.ofMinutes(8)), true, 500));
                for (LogQuery q : queries) {
                    assertEquals(b.recorded().logs(q), b.live().logs(q), q.toString());
                }
                boolean restarted = p.containers().stream()
                                .mapToInt(ContainerInfo::restartCount)
                                .sum()
                        > 0;
                LogQuery previousOfFirst = new LogQuery(ns, p.name(), first, null, null, true, 1000);
                if (restarted) {
                    assertEquals(b.recorded().logs(previousOfFirst), b.live().logs(previousOfFirst));
                } else {
                    assertSameKind(
                            () -> b.recorded().logs(previousOfFirst),
                            () -> b.live().logs(previousOfFirst));
                }
                LogQuery unknownContainer = new LogQuery(ns, p.name(), "nope", null, null, false, 1000);
                assertEquals(
                        failure(() -> b.recorded().logs(unknownContainer)).getMessage(),
                        failure(() -> b.live().logs(unknownContainer)).getMessage());
            }
        });
    }

    private static RolloutPods sorted(RolloutPods r) {
        return new RolloutPods(
                r.namespace(), r.rollout(), r.service(), sorted(r.canary()), sorted(r.stable()), r.window());
    }

    private static PodGroup sorted(PodGroup g) {
        return new PodGroup(
                g.podTemplateHash(), g.selector(), g.pods().stream().sorted().toList());
    }

    private static List<PodInfo> byName(List<PodInfo> pods) {
        return pods.stream().sorted(Comparator.comparing(PodInfo::name)).toList();
    }

    private static List<EventInfo> sortedEvents(List<EventInfo> events) {
        return events.stream().sorted(EVENT_ORDER).toList();
    }

    private static ToolException failure(Supplier<?> call) {
        return assertThrows(ToolException.class, call::get);
    }

    private static void assertSameKind(Supplier<?> recorded, Supplier<?> live) {
        assertEquals(failure(recorded).kind(), failure(live).kind());
    }
}
