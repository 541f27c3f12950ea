package dev.canarycouncil.evals.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a service's request metrics are named and labelled once Prometheus has scraped them: the
 * conventions the metrics agent's presets cover (metrics-agent/src/test/resources/conventions/README.md
 * lists each with its sources). Only the application's request metrics differ; cAdvisor and
 * kube-state-metrics series are the same everywhere. {@link #NONE} records no metrics at all.
 */
enum MetricConvention {
    /** Prometheus client metrics with the service and rollouts_pod_template_hash labels (ServiceMonitor). */
    PROMETHEUS_CLIENT,
    /** The same metrics scraped pod by pod: namespace and pod labels only. */
    PER_POD,
    /** OpenTelemetry HTTP semantic conventions, scraped per pod. */
    OPENTELEMETRY,
    /** Spring Boot Micrometer, percentile histograms off (a summary), scraped per pod. */
    SPRING_BOOT,
    /** Istio's standard metrics from the pods' sidecars, pod labels mapped. */
    ISTIO,
    /** Linkerd proxy metrics, labelled with the Rollout's ReplicaSet. */
    LINKERD,
    /** No metrics source: a logs-only setup. */
    NONE;

    /** Where a pod's series say they come from: the scrape target's labels. */
    Map<String, String> target(String namespace, String service, String pod, String hash) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("namespace", namespace);
        labels.put("pod", pod);
        switch (this) {
            case PROMETHEUS_CLIENT -> {
                labels.put("service", service);
                labels.put("rollouts_pod_template_hash", hash);
            }
            case PER_POD, OPENTELEMETRY, SPRING_BOOT -> labels.put("job", "kubernetes-pods");
            case ISTIO -> {
                labels.put("app", service);
                labels.put("rollouts_pod_template_hash", hash);
            }
            case LINKERD -> labels.put("replicaset", service + "-" + hash);
            case NONE -> throw new IllegalStateException("a logs-only recording has no metrics");
        }
        return labels;
    }
}
