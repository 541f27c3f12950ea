package dev.canarycouncil.orchestrator.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KubernetesServiceDiscoveryTest {

    private static final String LABEL = "canary-council.dev/member";
    private static final String P = KubernetesServiceDiscovery.PREFIX;
    private static final Map<String, String> ENV = Map.of("PLUGIN_TOKEN", "plugin-token-value");

    // One mock server in CRUD mode for the class; each test uses namespaces of its own (deleting is slow on the mock).
    private static KubernetesMockServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.destroy();
    }

    private static ServicePort port(String name, int number) {
        return new ServicePortBuilder().withName(name).withPort(number).build();
    }

    private void create(String ns, String name, boolean member, Map<String, String> annotations, ServicePort... ports) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", name);
        if (member) {
            labels.put(LABEL, "true");
        }
        Service s = new ServiceBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withPorts(ports)
                .endSpec()
                .build();
        client.services().inNamespace(ns).resource(s).create();
    }

    private List<MemberEntry> discover(List<String> namespaces) {
        return new KubernetesServiceDiscovery(client, new ServiceDiscoverySpec(namespaces, null), ENV).discover();
    }

    private static MemberEntry byOrigin(List<MemberEntry> entries, String origin) {
        return entries.stream()
                .filter(e -> e.origin().equals(origin))
                .findFirst()
                .orElseThrow(() -> new AssertionError(origin + " not among " + entries));
    }

    @Test
    void labelledServicesBecomeMembersWithTheirAnnotations() {
        create(
                "lbl-a",
                "db-checker",
                true,
                Map.of(P + "weight", "0.5", P + "timeout", "20s", P + "veto", "false", P + "token-env", "PLUGIN_TOKEN"),
                port("http", 80),
                port("a2a", 8080));
        create(
                "lbl-a",
                "cache-checker",
                true,
                Map.of(P + "port", "9443", P + "card-path", "/cards/agent.json", P + "scheme", "https"),
                port("http", 80),
                port("a2a", 8080));
        create(
                "lbl-b",
                "queue-checker",
                true,
                Map.of(P + "port", "grpc-alt"),
                port("http", 80),
                port("grpc-alt", 7000));
        create("lbl-b", "first-port", true, Map.of(), port("web", 8081), port("metrics", 9090));
        create("lbl-a", "not-a-member", false, Map.of(), port("a2a", 8080));

        List<MemberEntry> entries = discover(List.of("lbl-a", "lbl-b"));

        assertEquals(
                List.of(
                        "Service lbl-a/cache-checker",
                        "Service lbl-a/db-checker",
                        "Service lbl-b/first-port",
                        "Service lbl-b/queue-checker"),
                entries.stream().map(MemberEntry::origin).toList(),
                "only labelled Services, sorted by namespace and name");

        MemberEntry db = byOrigin(entries, "Service lbl-a/db-checker");
        assertTrue(db.problem().isEmpty());
        assertEquals(
                "http://db-checker.lbl-a.svc:8080/.well-known/agent-card.json", db.cardUrl(), "the port named a2a");
        assertEquals(0.5, db.weight());
        assertEquals(Duration.ofSeconds(20), db.timeout());
        assertEquals(Boolean.FALSE, db.veto());
        assertTrue(db.secret().isPresent());
        assertEquals("plugin-token-value", db.secret().orElseThrow().reveal());

        MemberEntry cache = byOrigin(entries, "Service lbl-a/cache-checker");
        assertTrue(cache.problem().isEmpty());
        assertEquals("https://cache-checker.lbl-a.svc:9443/cards/agent.json", cache.cardUrl());
        assertNull(cache.weight());
        assertNull(cache.timeout());
        assertNull(cache.veto());
        assertTrue(cache.secret().isEmpty());

        assertEquals(
                "http://queue-checker.lbl-b.svc:7000/.well-known/agent-card.json",
                byOrigin(entries, "Service lbl-b/queue-checker").cardUrl(),
                "a port annotation may name a port");
        assertEquals(
                "http://first-port.lbl-b.svc:8081/.well-known/agent-card.json",
                byOrigin(entries, "Service lbl-b/first-port").cardUrl(),
                "without a2a port or annotation, the first port");
    }

    @Test
    void namespacesRestrictWhereServicesAreFound() {
        create("ns-a", "db-checker", true, Map.of(), port("a2a", 8080));
        create("ns-b", "cache-checker", true, Map.of(), port("a2a", 8080));
        create("ns-c", "queue-checker", true, Map.of(), port("a2a", 8080));
        create("ns-c", "bystander", false, Map.of(), port("a2a", 8080));

        assertEquals(
                List.of("Service ns-b/cache-checker"),
                discover(List.of("ns-b")).stream().map(MemberEntry::origin).toList());
        assertEquals(
                List.of("Service ns-a/db-checker", "Service ns-c/queue-checker"),
                discover(List.of("ns-c", "ns-a")).stream()
                        .map(MemberEntry::origin)
                        .toList());
        assertEquals(List.of(), discover(List.of("ns-z")));

        List<String> anywhere =
                discover(List.of()).stream().map(MemberEntry::origin).toList();
        assertTrue(
                anywhere.containsAll(
                        List.of("Service ns-a/db-checker", "Service ns-b/cache-checker", "Service ns-c/queue-checker")),
                "no namespaces: any namespace, found " + anywhere);
        assertFalse(anywhere.contains("Service ns-c/bystander"), anywhere.toString());
    }

    @Test
    void aCustomSelectorIsHonoured() {
        create("sel-a", "db-checker", true, Map.of(), port("a2a", 8080));
        create("sel-a", "other", false, Map.of(), port("a2a", 8080));
        var discovery =
                new KubernetesServiceDiscovery(client, new ServiceDiscoverySpec(List.of("sel-a"), "app=other"), ENV);
        assertEquals(
                List.of("Service sel-a/other"),
                discovery.discover().stream().map(MemberEntry::origin).toList());
    }

    @Test
    void malformedAnnotationsMakeTheMemberUnusableNamingAnnotationAndService() {
        create("bad-a", "heavy", true, Map.of(P + "weight", "heavy"), port("a2a", 8080));
        create("bad-a", "portless", true, Map.of(P + "port", "nope"), port("a2a", 8080));
        create("bad-a", "undecided", true, Map.of(P + "veto", "maybe"), port("a2a", 8080));
        create("bad-a", "slowpoke", true, Map.of(P + "timeout", "a while"), port("a2a", 8080));
        create("bad-a", "ftp", true, Map.of(P + "scheme", "ftp"), port("a2a", 8080));
        create("bad-a", "no-ports", true, Map.of());

        List<MemberEntry> entries = discover(List.of("bad-a"));
        Map<String, String> expected = Map.of(
                "heavy", P + "weight",
                "portless", P + "port",
                "undecided", P + "veto",
                "slowpoke", P + "timeout",
                "ftp", P + "scheme",
                "no-ports", "no ports");
        assertEquals(expected.size(), entries.size());
        expected.forEach((name, annotation) -> {
            MemberEntry e = byOrigin(entries, "Service bad-a/" + name);
            assertTrue(e.problem().isPresent(), name + " should be unusable");
            assertTrue(
                    e.problem().orElseThrow().contains(annotation), e.problem().orElseThrow());
            assertTrue(
                    e.problem().orElseThrow().contains("bad-a/" + name),
                    e.problem().orElseThrow());
            assertTrue(e.cardUrl().contains(name + ".bad-a.svc"), e.cardUrl());
        });
        assertTrue(
                byOrigin(entries, "Service bad-a/heavy").problem().orElseThrow().contains("'heavy'"));
        assertTrue(byOrigin(entries, "Service bad-a/portless")
                .problem()
                .orElseThrow()
                .contains("'nope'"));
        assertTrue(byOrigin(entries, "Service bad-a/undecided")
                .problem()
                .orElseThrow()
                .contains("'maybe'"));
    }

    @Test
    void aTokenEnvAnnotationNamingAnUnsetVariableIsAProblemNamingAnnotationAndService() {
        create("tok-a", "guarded", true, Map.of(P + "token-env", "UNSET_TOKEN"), port("a2a", 8080));
        MemberEntry e = discover(List.of("tok-a")).get(0);
        assertTrue(e.problem().isPresent());
        assertTrue(e.secret().isEmpty());
        assertTrue(
                e.problem().orElseThrow().contains("tok-a/guarded"), e.problem().orElseThrow());
        assertTrue(
                e.problem().orElseThrow().contains("UNSET_TOKEN"), e.problem().orElseThrow());
        assertTrue(
                e.problem().orElseThrow().contains(P + "token-env"),
                "the problem should name the annotation: " + e.problem().orElseThrow());
    }

    @Test
    void describeMentionsSelectorAndNamespaces() {
        String any = new KubernetesServiceDiscovery(client, new ServiceDiscoverySpec(List.of(), null), ENV).describe();
        assertTrue(any.contains(ServiceDiscoverySpec.DEFAULT_SELECTOR), any);
        assertTrue(any.contains("any namespace"), any);
        String some = new KubernetesServiceDiscovery(
                        client, new ServiceDiscoverySpec(List.of("team-a", "team-b"), "x=y"), ENV)
                .describe();
        assertTrue(some.contains("x=y"), some);
        assertTrue(some.contains("team-a, team-b"), some);
    }
}
