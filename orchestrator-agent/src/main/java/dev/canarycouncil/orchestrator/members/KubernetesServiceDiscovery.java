package dev.canarycouncil.orchestrator.members;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.config.DurationText;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members from Kubernetes Services carrying the discovery label. A team deploys its agent with a
 * Service labelled {@code canary-council.dev/member: "true"} and the council finds it at the next
 * refresh; annotations tune how it is treated:
 *
 * <ul>
 *   <li>{@code canary-council.dev/port}: the port serving A2A (default: the port named {@code a2a}, else the first)</li>
 *   <li>{@code canary-council.dev/card-path}: default {@code /.well-known/agent-card.json}</li>
 *   <li>{@code canary-council.dev/scheme}: {@code http} (default) or {@code https}</li>
 *   <li>{@code canary-council.dev/weight}, {@code canary-council.dev/timeout}, {@code canary-council.dev/veto},
 *       {@code canary-council.dev/abstain}</li>
 *   <li>{@code canary-council.dev/token-env}: the orchestrator's environment variable holding the
 *       credential to present (the secret itself never sits in an annotation)</li>
 * </ul>
 *
 * A malformed annotation makes the member unavailable with the reason, never silently default.
 */
public final class KubernetesServiceDiscovery implements MemberDiscovery {

    public static final String PREFIX = "canary-council.dev/";

    private final KubernetesClient client;
    private final ServiceDiscoverySpec spec;
    private final Map<String, String> env;

    public KubernetesServiceDiscovery(KubernetesClient client, ServiceDiscoverySpec spec, Map<String, String> env) {
        this.client = client;
        this.spec = spec;
        this.env = env;
    }

    @Override
    public List<MemberEntry> discover() {
        List<Service> services = new ArrayList<>();
        if (spec.namespaces().isEmpty()) {
            services.addAll(client.services()
                    .inAnyNamespace()
                    .withLabelSelector(spec.selector())
                    .list()
                    .getItems());
        } else {
            for (String ns : spec.namespaces()) {
                services.addAll(client.services()
                        .inNamespace(ns)
                        .withLabelSelector(spec.selector())
                        .list()
                        .getItems());
            }
        }
        services.sort(
                java.util.Comparator.comparing((Service s) -> s.getMetadata().getNamespace())
                        .thenComparing(s -> s.getMetadata().getName()));
        return services.stream().map(this::entry).toList();
    }

    MemberEntry entry(Service service) {
        String ns = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        String origin = "Service " + ns + "/" + name;
        Map<String, String> a = service.getMetadata().getAnnotations() == null
                ? Map.of()
                : service.getMetadata().getAnnotations();
        String scheme = a.getOrDefault(PREFIX + "scheme", "http");
        String path = a.getOrDefault(PREFIX + "card-path", "/.well-known/agent-card.json");
        String host = name + "." + ns + ".svc";
        String placeholder = scheme + "://" + host + path;
        try {
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException(PREFIX + "scheme must be http or https, was '" + scheme + "'");
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException(PREFIX + "card-path must start with /, was '" + path + "'");
            }
            int port = port(service, a.get(PREFIX + "port"));
            String url = scheme + "://" + host + ":" + port + path;
            Double weight = a.containsKey(PREFIX + "weight") ? weight(a.get(PREFIX + "weight")) : null;
            Duration timeout = a.containsKey(PREFIX + "timeout") ? annotated("timeout", a) : null;
            Boolean veto = a.containsKey(PREFIX + "veto") ? bool(a.get(PREFIX + "veto"), "veto") : null;
            Boolean abstain = a.containsKey(PREFIX + "abstain") ? bool(a.get(PREFIX + "abstain"), "abstain") : null;
            Optional<AgentSecret> secret = Optional.empty();
            if (a.containsKey(PREFIX + "token-env")) {
                try {
                    secret = Optional.of(AgentSecret.fromEnv(a.get(PREFIX + "token-env"), env));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(PREFIX + "token-env: " + e.getMessage(), e);
                }
            }
            return new MemberEntry(url, weight, timeout, veto, secret, origin, Optional.empty(), abstain);
        } catch (IllegalArgumentException e) {
            return MemberEntry.unusable(placeholder, origin, origin + " is misconfigured: " + e.getMessage());
        }
    }

    private static int port(Service service, String annotated) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null
                ? List.of()
                : service.getSpec().getPorts();
        if (annotated != null) {
            try {
                return Integer.parseInt(annotated.strip());
            } catch (NumberFormatException e) {
                return ports.stream()
                        .filter(p -> annotated.equals(p.getName()))
                        .findFirst()
                        .map(ServicePort::getPort)
                        .orElseThrow(() -> new IllegalArgumentException(PREFIX + "port '" + annotated
                                + "' is neither a number nor the name of one of its ports"));
            }
        }
        return ports.stream()
                .filter(p -> "a2a".equals(p.getName()))
                .findFirst()
                .or(() -> ports.stream().findFirst())
                .map(ServicePort::getPort)
                .orElseThrow(() -> new IllegalArgumentException("the Service has no ports"));
    }

    private static Double weight(String v) {
        try {
            double w = Double.parseDouble(v.strip());
            if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "weight must be a number >= 0, was '" + v + "'");
        }
    }

    private static Duration annotated(String key, Map<String, String> a) {
        try {
            return DurationText.parse(a.get(PREFIX + key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + key + ": " + e.getMessage());
        }
    }

    private static Boolean bool(String v, String key) {
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(PREFIX + key + " must be true or false, was '" + v + "'");
        };
    }

    @Override
    public String describe() {
        return "Services labelled " + spec.selector()
                + (spec.namespaces().isEmpty() ? " in any namespace" : " in " + String.join(", ", spec.namespaces()));
    }
}
