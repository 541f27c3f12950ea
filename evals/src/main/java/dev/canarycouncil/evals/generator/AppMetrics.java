package dev.canarycouncil.evals.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a pod's request counts and latency histogram in one {@link MetricConvention}: the status
 * label's name and values, the families' names, seconds or milliseconds. Conventions that label
 * latency by status split each bucket between successes and failures by their shares, so the
 * distribution over all requests is the same in every convention.
 */
final class AppMetrics {

    private final MetricConvention convention;
    private final OpenMetricsWriter om;

    AppMetrics(MetricConvention convention, OpenMetricsWriter om) {
        this.convention = convention;
        this.om = om;
    }

    void declare() {
        switch (convention) {
            case PROMETHEUS_CLIENT, PER_POD -> {
                om.family("http_requests", "counter", "HTTP requests served, by status code.");
                om.family("http_request_duration_seconds", "histogram", "HTTP request latency.");
            }
            case OPENTELEMETRY ->
                om.family("http_server_request_duration_seconds", "histogram", "Duration of HTTP server requests.");
            case SPRING_BOOT -> {
                om.family("http_server_requests_seconds", "summary", "Duration of HTTP server request handling");
                om.family("http_server_requests_seconds_max", "gauge", "Duration of HTTP server request handling");
            }
            case ISTIO -> {
                om.family("istio_requests", "counter", "Total requests.");
                om.family("istio_request_duration_milliseconds", "histogram", "Request duration in milliseconds.");
            }
            case LINKERD -> {
                om.family("response", "counter", "Total count of HTTP responses.");
                om.family(
                        "response_latency_ms",
                        "histogram",
                        "Elapsed times between a request's headers being received and its response stream completing.");
            }
            case NONE -> {}
        }
    }

    /**
     * One scrape of one pod, cumulative since its start.
     *
     * @param buckets  cumulative counts per {@link Simulation#BUCKETS} bound (the last is +Inf)
     * @param sum      total seconds of all requests
     */
    void sample(
            Map<String, String> target,
            String method,
            String route,
            long t,
            double ok,
            double failed,
            int errorStatus,
            double[] buckets,
            double sum,
            double maxSeconds) {
        double all = ok + failed;
        double failedShare = all == 0 ? 0 : failed / all;
        switch (convention) {
            case PROMETHEUS_CLIENT, PER_POD -> {
                om.sample("http_requests", "http_requests_total", with(target, "code", "200"), t, Math.round(ok));
                om.sample(
                        "http_requests",
                        "http_requests_total",
                        with(target, "code", Integer.toString(errorStatus)),
                        t,
                        Math.round(failed));
                histogram("http_request_duration_seconds", target, t, buckets, sum, 1);
            }
            case OPENTELEMETRY -> {
                for (boolean error : new boolean[] {false, true}) {
                    Map<String, String> labels = new LinkedHashMap<>(target);
                    labels.put("http_request_method", method);
                    labels.put("http_route", route);
                    labels.put("http_response_status_code", error ? Integer.toString(errorStatus) : "200");
                    histogram(
                            "http_server_request_duration_seconds",
                            labels,
                            t,
                            scaled(buckets, error ? failedShare : 1 - failedShare),
                            sum * (error ? failedShare : 1 - failedShare),
                            1);
                }
            }
            case SPRING_BOOT -> {
                for (boolean error : new boolean[] {false, true}) {
                    Map<String, String> labels = new LinkedHashMap<>(target);
                    labels.put("error", error ? "IllegalStateException" : "none");
                    labels.put("exception", error ? "IllegalStateException" : "none");
                    labels.put("method", method);
                    labels.put("outcome", error ? "SERVER_ERROR" : "SUCCESS");
                    labels.put("status", error ? Integer.toString(errorStatus) : "200");
                    labels.put("uri", route);
                    double share = error ? failedShare : 1 - failedShare;
                    om.sample(
                            "http_server_requests_seconds",
                            "http_server_requests_seconds_count",
                            labels,
                            t,
                            Math.round(all * share));
                    om.sample(
                            "http_server_requests_seconds",
                            "http_server_requests_seconds_sum",
                            labels,
                            t,
                            round3(sum * share));
                    om.sample(
                            "http_server_requests_seconds_max",
                            "http_server_requests_seconds_max",
                            labels,
                            t,
                            round3(maxSeconds));
                }
            }
            case ISTIO -> {
                for (boolean error : new boolean[] {false, true}) {
                    Map<String, String> labels = new LinkedHashMap<>(target);
                    labels.put("reporter", "destination");
                    labels.put("destination_service_name", target.get("app"));
                    labels.remove("app");
                    labels.put("response_code", error ? Integer.toString(errorStatus) : "200");
                    double share = error ? failedShare : 1 - failedShare;
                    om.sample("istio_requests", "istio_requests_total", labels, t, Math.round(all * share));
                    histogram(
                            "istio_request_duration_milliseconds",
                            labels,
                            t,
                            scaled(buckets, share),
                            sum * share,
                            1000);
                }
            }
            case LINKERD -> {
                for (boolean error : new boolean[] {false, true}) {
                    Map<String, String> labels = new LinkedHashMap<>(target);
                    labels.put("classification", error ? "failure" : "success");
                    labels.put("direction", "inbound");
                    labels.put("status_code", error ? Integer.toString(errorStatus) : "200");
                    labels.put("tls", "true");
                    om.sample(
                            "response",
                            "response_total",
                            labels,
                            t,
                            Math.round(all * (error ? failedShare : 1 - failedShare)));
                }
                Map<String, String> latency = new LinkedHashMap<>(target);
                latency.put("direction", "inbound");
                latency.put("tls", "true");
                histogram("response_latency_ms", latency, t, buckets, sum, 1000);
            }
            case NONE -> throw new IllegalStateException("a logs-only recording has no metrics");
        }
    }

    private void histogram(
            String family, Map<String, String> labels, long t, double[] buckets, double sum, double unit) {
        for (int k = 0; k < buckets.length; k++) {
            double bound = Simulation.BUCKETS[k];
            om.sample(
                    family,
                    family + "_bucket",
                    with(labels, "le", Double.isInfinite(bound) ? "+Inf" : Simulation.trim(bound * unit)),
                    t,
                    Math.round(buckets[k]));
        }
        om.sample(family, family + "_sum", labels, t, round3(sum * unit));
        om.sample(family, family + "_count", labels, t, Math.round(buckets[buckets.length - 1]));
    }

    private static double[] scaled(double[] buckets, double share) {
        double[] out = new double[buckets.length];
        for (int k = 0; k < buckets.length; k++) {
            out[k] = buckets[k] * share;
        }
        return out;
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.put(key, value);
        return m;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
