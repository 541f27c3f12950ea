package dev.canarycouncil.metrics.presets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes request series in each convention a preset covers, as Prometheus stores them after a
 * scrape (names, status labels, units and target labels as in src/test/resources/conventions), for
 * promtool to backfill: per service a canary and a stable side, the canary failing a share of its
 * requests with 500. Deterministic: every pod serves 10 requests a second.
 */
final class ConventionSeries {

    static final int SCRAPE_SECONDS = 15;
    private static final double[] BOUNDS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};
    /** Share of requests at or under each bound: a median near 40 ms. */
    private static final double[] CUMULATIVE = {0.05, 0.2, 0.6, 0.9, 0.98, 0.995, 1.0};

    enum Convention {
        KUBE_PROMETHEUS,
        PER_POD,
        OPENTELEMETRY,
        OPENTELEMETRY_LEGACY,
        SPRING_BOOT,
        ISTIO,
        LINKERD,
        NGINX_INGRESS,
        ENVOY,
        UNKNOWN
    }

    /** One service: its namespace and name are {@code name}; pods are {@code name-hash-pN}. */
    record Service(String name, Convention convention, double canaryErrors, double stableErrors) {}

    private final Instant start;
    private final Instant end;
    private final List<Service> services = new ArrayList<>();
    private final Map<String, Map<String, List<String>>> families = new LinkedHashMap<>();

    ConventionSeries(Instant start, Instant end) {
        this.start = start.minusSeconds(120);
        this.end = end;
    }

    ConventionSeries add(Service s) {
        services.add(s);
        return this;
    }

    String openMetrics(String canaryHash, String stableHash) {
        for (Service s : services) {
            for (boolean canary : new boolean[] {true, false}) {
                String hash = canary ? canaryHash : stableHash;
                double errors = canary ? s.canaryErrors() : s.stableErrors();
                int pods = gateway(s.convention()) ? 1 : canary ? 1 : 2;
                for (int p = 0; p < pods; p++) {
                    write(s, canary, hash, s.name() + "-" + hash + "-p" + p, errors);
                }
            }
        }
        StringBuilder om = new StringBuilder();
        families.forEach((family, series) -> {
            om.append("# TYPE ").append(family).append('\n');
            series.values().forEach(lines -> lines.forEach(l -> om.append(l).append('\n')));
        });
        return om.append("# EOF\n").toString();
    }

    private static boolean gateway(Convention c) {
        return c == Convention.NGINX_INGRESS || c == Convention.ENVOY;
    }

    private void write(Service s, boolean canary, String hash, String pod, double errorShare) {
        String ns = s.name();
        for (long t = start.getEpochSecond(); t <= end.getEpochSecond(); t += SCRAPE_SECONDS) {
            double requests = 10.0 * (t - start.getEpochSecond());
            long failed = Math.round(requests * errorShare);
            long ok = Math.round(requests) - failed;
            Map<String, String> target = new TreeMap<>();
            switch (s.convention()) {
                case KUBE_PROMETHEUS -> {
                    target.putAll(Map.of(
                            "namespace", ns, "pod", pod, "service", s.name(), "rollouts_pod_template_hash", hash));
                    counter("http_requests counter", "http_requests_total", with(target, "code", "200"), t, ok);
                    counter("http_requests counter", "http_requests_total", with(target, "code", "500"), t, failed);
                    histogram(
                            "http_request_duration_seconds histogram",
                            "http_request_duration_seconds",
                            target,
                            t,
                            ok + failed,
                            1);
                }
                case PER_POD, UNKNOWN -> {
                    target.putAll(Map.of("namespace", ns, "pod", pod, "job", "kubernetes-pods"));
                    String name = s.convention() == Convention.UNKNOWN ? "myapp_requests_handled" : "http_requests";
                    counter(name + " counter", name + "_total", with(target, "code", "200"), t, ok);
                    counter(name + " counter", name + "_total", with(target, "code", "500"), t, failed);
                    if (s.convention() == Convention.PER_POD) {
                        histogram(
                                "http_request_duration_seconds histogram",
                                "http_request_duration_seconds",
                                target,
                                t,
                                ok + failed,
                                1);
                    }
                }
                case OPENTELEMETRY, OPENTELEMETRY_LEGACY -> {
                    boolean legacy = s.convention() == Convention.OPENTELEMETRY_LEGACY;
                    target.putAll(Map.of("namespace", ns, "pod", pod, "job", "kubernetes-pods"));
                    String family =
                            legacy ? "http_server_duration_milliseconds" : "http_server_request_duration_seconds";
                    String status = legacy ? "http_status_code" : "http_response_status_code";
                    histogram(
                            family + " histogram",
                            family,
                            with(with(target, status, "200"), legacy ? "http_method" : "http_request_method", "GET"),
                            t,
                            ok,
                            legacy ? 1000 : 1);
                    histogram(
                            family + " histogram",
                            family,
                            with(with(target, status, "500"), legacy ? "http_method" : "http_request_method", "GET"),
                            t,
                            failed,
                            legacy ? 1000 : 1);
                }
                case SPRING_BOOT -> {
                    target.putAll(Map.of("namespace", ns, "pod", pod, "job", "kubernetes-pods"));
                    for (String status : new String[] {"200", "500"}) {
                        long n = status.equals("200") ? ok : failed;
                        Map<String, String> labels = with(with(target, "status", status), "uri", "/api/pay");
                        counter(
                                "http_server_requests_seconds summary",
                                "http_server_requests_seconds_count",
                                labels,
                                t,
                                n);
                        counter(
                                "http_server_requests_seconds summary",
                                "http_server_requests_seconds_sum",
                                labels,
                                t,
                                n * 0.04);
                    }
                    Map<String, String> actuator = with(with(target, "status", "200"), "uri", "/actuator/health");
                    counter(
                            "http_server_requests_seconds summary",
                            "http_server_requests_seconds_count",
                            actuator,
                            t,
                            requests / 10);
                    counter(
                            "http_server_requests_seconds summary",
                            "http_server_requests_seconds_sum",
                            actuator,
                            t,
                            requests / 1000);
                }
                case ISTIO -> {
                    target.putAll(
                            Map.of("namespace", ns, "pod", pod, "rollouts_pod_template_hash", hash, "app", s.name()));
                    for (String code : new String[] {"200", "500"}) {
                        long n = code.equals("200") ? ok : failed;
                        Map<String, String> labels = with(
                                with(with(target, "reporter", "destination"), "response_code", code),
                                "destination_service_name",
                                s.name());
                        counter("istio_requests counter", "istio_requests_total", labels, t, n);
                        histogram(
                                "istio_request_duration_milliseconds histogram",
                                "istio_request_duration_milliseconds",
                                labels,
                                t,
                                n,
                                1000);
                    }
                    // The client side reports too, from its own pod: it must not be read as the canary's.
                    counter(
                            "istio_requests counter",
                            "istio_requests_total",
                            Map.of(
                                    "namespace",
                                    ns,
                                    "pod",
                                    "frontend-abc-x1",
                                    "reporter",
                                    "source",
                                    "response_code",
                                    "200",
                                    "destination_service_name",
                                    s.name()),
                            t,
                            requests);
                }
                case LINKERD -> {
                    target.putAll(Map.of(
                            "namespace", ns, "pod", pod, "replicaset", s.name() + "-" + hash, "job", "linkerd-proxy"));
                    for (String cls : new String[] {"success", "failure"}) {
                        Map<String, String> labels = with(
                                with(with(target, "direction", "inbound"), "classification", cls),
                                "status_code",
                                cls.equals("success") ? "200" : "500");
                        counter("response counter", "response_total", labels, t, cls.equals("success") ? ok : failed);
                    }
                    histogram(
                            "response_latency_ms histogram",
                            "response_latency_ms",
                            with(target, "direction", "inbound"),
                            t,
                            ok + failed,
                            1000);
                }
                case NGINX_INGRESS -> {
                    target.putAll(Map.of(
                            "namespace",
                            "ingress-nginx",
                            "pod",
                            "ingress-nginx-controller-7d4c8-abcde",
                            "exported_namespace",
                            ns,
                            "exported_service",
                            s.name() + "-stable",
                            "ingress",
                            s.name()));
                    if (canary) {
                        target.put("canary", ns + "-" + s.name() + "-canary-80");
                    }
                    for (String status : new String[] {"200", "500"}) {
                        counter(
                                "nginx_ingress_controller_requests unknown",
                                "nginx_ingress_controller_requests",
                                with(target, "status", status),
                                t,
                                status.equals("200") ? ok : failed);
                    }
                    histogram(
                            "nginx_ingress_controller_request_duration_seconds histogram",
                            "nginx_ingress_controller_request_duration_seconds",
                            target,
                            t,
                            ok + failed,
                            1);
                }
                case ENVOY -> {
                    target.putAll(Map.of(
                            "namespace",
                            "projectcontour",
                            "pod",
                            "envoy-6c9f7-zzxx1",
                            "envoy_cluster_name",
                            ns + "_" + s.name() + (canary ? "-canary" : "-stable") + "_80"));
                    counter(
                            "envoy_cluster_upstream_rq counter",
                            "envoy_cluster_upstream_rq_total",
                            target,
                            t,
                            ok + failed);
                    counter(
                            "envoy_cluster_upstream_rq_xx unknown",
                            "envoy_cluster_upstream_rq_xx",
                            with(target, "envoy_response_code_class", "2"),
                            t,
                            ok);
                    counter(
                            "envoy_cluster_upstream_rq_xx unknown",
                            "envoy_cluster_upstream_rq_xx",
                            with(target, "envoy_response_code_class", "5"),
                            t,
                            failed);
                    histogram(
                            "envoy_cluster_upstream_rq_time histogram",
                            "envoy_cluster_upstream_rq_time",
                            target,
                            t,
                            ok + failed,
                            1000);
                }
            }
        }
    }

    private void histogram(String family, String name, Map<String, String> labels, long t, double count, double unit) {
        for (int k = 0; k <= BOUNDS.length; k++) {
            String le = k == BOUNDS.length ? "+Inf" : trim(BOUNDS[k] * unit);
            counter(
                    family,
                    name + "_bucket",
                    with(labels, "le", le),
                    t,
                    Math.round(count * (k == BOUNDS.length ? 1 : CUMULATIVE[k])));
        }
        counter(family, name + "_sum", labels, t, count * 0.045 * unit);
        counter(family, name + "_count", labels, t, Math.round(count));
    }

    private void counter(String family, String name, Map<String, String> labels, long t, double value) {
        StringBuilder key = new StringBuilder(name).append('{');
        new TreeMap<>(labels)
                .forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",")
                        .append(k)
                        .append("=\"")
                        .append(v)
                        .append('"'));
        key.append('}');
        families.computeIfAbsent(family, f -> new LinkedHashMap<>())
                .computeIfAbsent(key.toString(), k -> new ArrayList<>())
                .add(key + " " + String.format(Locale.ROOT, "%.3f", value) + " " + t);
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> m = new TreeMap<>(labels);
        m.put(key, value);
        return m;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
