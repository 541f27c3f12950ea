package dev.canarycouncil.orchestrator.members;

import java.util.List;

/**
 * Which Kubernetes Services are council members: those matching {@code selector} in
 * {@code namespaces} (every namespace the orchestrator may list when empty).
 */
public record ServiceDiscoverySpec(List<String> namespaces, String selector) {

    public static final String DEFAULT_SELECTOR = "canary-council.dev/member=true";

    public ServiceDiscoverySpec {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        selector = selector == null || selector.isBlank() ? DEFAULT_SELECTOR : selector;
    }
}
