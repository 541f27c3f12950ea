package dev.canarycouncil.mcp.kubernetes.live;

import java.util.Map;

/**
 * The service a canary belongs to, as metrics and issues name it. A recording states it; for a
 * live rollout it is, in order: the rollout's {@value #ANNOTATION} annotation (for when the
 * metrics' {@code service} label differs from everything else), the pods'
 * {@code app.kubernetes.io/name} or {@code app} label (what Prometheus' Kubernetes discovery
 * usually turns into the {@code service} label), the canary's {@code stableService}, and last
 * the rollout's own name.
 */
final class ServiceNames {

    static final String ANNOTATION = KubernetesClusterBackend.SERVICE_ANNOTATION;

    private ServiceNames() {}

    /** @param podLabels labels of a canary pod, or the rollout's pod template labels when it has no pods */
    static String of(RolloutView rollout, Map<String, String> podLabels) {
        return of(rollout.annotation(ANNOTATION), podLabels, rollout.stableService(), rollout.name());
    }

    /**
     * @param annotated  the owning object's {@value #ANNOTATION} annotation, or null
     * @param service    the Kubernetes Service in front of the stable side, or null
     * @param name       the owning object's name, the last resort
     */
    static String of(String annotated, Map<String, String> podLabels, String service, String name) {
        if (present(annotated)) {
            return annotated;
        }
        for (String label : new String[] {"app.kubernetes.io/name", "app"}) {
            if (present(podLabels.get(label))) {
                return podLabels.get(label);
            }
        }
        if (present(service)) {
            return service;
        }
        return name;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
