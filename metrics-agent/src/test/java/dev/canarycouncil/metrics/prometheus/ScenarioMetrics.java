package dev.canarycouncil.metrics.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes generated metrics for several services, each with a canary and a stable side, as
 * OpenMetrics text that promtool backfills into a real Prometheus: request counters by status
 * code, a latency histogram, cAdvisor CPU and memory, kube-state-metrics restarts. Seeded.
 */
final class ScenarioMetrics {

    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    static final int SCRAPE_SECONDS = 15;

    /** One service's rollout: namespace and service are its name; pods are named name-hash-suffix. */
    record Service(
            String name,
            String canaryHash,
            Scenario canary,
            int canaryPods,
            String stableHash,
            Scenario stable,
            int stablePods) {

        List<String> pods(String hash, int count) {
            List<String> pods = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pods.add(name + "-" + hash + "-p" + i);
            }
            return pods;
        }
    }

    private final Instant start;
    private final Instant end;
    private final List<Service> services = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);

    /** Samples run from two minutes before {@code start}, so rates have history at the window's start. */
    ScenarioMetrics(Instant start, Instant end) {
        this.start = start.minusSeconds(120);
        this.end = end;
    }

    ScenarioMetrics add(Service service) {
        services.add(service);
        return this;
    }

    private record Pod(Service service, String hash, String name, Scenario behaviour, int index) {}

    /** Per pod and scrape: what happened in the interval before it. */
    private record Step(
            long requests, long errors, long[] buckets, double latencySum, double cpu, double memory, int restarts) {}

    String openMetrics() {
        Map<Pod, List<Step>> steps = new LinkedHashMap<>();
        for (Service s : services) {
            for (int side = 0; side < 2; side++) {
                String hash = side == 0 ? s.canaryHash() : s.stableHash();
                Scenario b = side == 0 ? s.canary() : s.stable();
                List<String> names = s.pods(hash, side == 0 ? s.canaryPods() : s.stablePods());
                for (int i = 0; i < names.size(); i++) {
                    Pod pod = new Pod(s, hash, names.get(i), b, i);
                    steps.put(pod, simulate(b, i));
                }
            }
        }
        StringBuilder om = new StringBuilder(1 << 20);
        om.append("# TYPE http_requests counter\n");
        for (Map.Entry<Pod, List<Step>> e : steps.entrySet()) {
            for (String code : new String[] {"200", "500"}) {
                long total = 0;
                for (int t = 0; t < e.getValue().size(); t++) {
                    Step st = e.getValue().get(t);
                    total += code.equals("200") ? st.requests() - st.errors() : st.errors();
                    om.append("http_requests_total{")
                            .append(http(e.getKey()))
                            .append(",code=\"")
                            .append(code)
                            .append("\"} ")
                            .append(total)
                            .append(' ')
                            .append(time(t))
                            .append('\n');
                }
            }
        }
        om.append("# TYPE http_request_duration_seconds histogram\n");
        for (Map.Entry<Pod, List<Step>> e : steps.entrySet()) {
            for (int b = 0; b <= BUCKETS.length; b++) {
                long cumulative = 0;
                for (int t = 0; t < e.getValue().size(); t++) {
                    long[] buckets = e.getValue().get(t).buckets();
                    for (int k = 0; k <= b; k++) {
                        cumulative += buckets[k];
                    }
                    String le = b == BUCKETS.length ? "+Inf" : Double.toString(BUCKETS[b]);
                    om.append("http_request_duration_seconds_bucket{")
                            .append(http(e.getKey()))
                            .append(",le=\"")
                            .append(le)
                            .append("\"} ")
                            .append(cumulative)
                            .append(' ')
                            .append(time(t))
                            .append('\n');
                }
            }
            long count = 0;
            for (int t = 0; t < e.getValue().size(); t++) {
                count += e.getValue().get(t).requests();
                om.append("http_request_duration_seconds_count{")
                        .append(http(e.getKey()))
                        .append("} ")
                        .append(count)
                        .append(' ')
                        .append(time(t))
                        .append('\n');
            }
            double sum = 0;
            for (int t = 0; t < e.getValue().size(); t++) {
                sum += e.getValue().get(t).latencySum();
                om.append("http_request_duration_seconds_sum{")
                        .append(http(e.getKey()))
                        .append("} ")
                        .append(String.format(java.util.Locale.ROOT, "%.4f", sum))
                        .append(' ')
                        .append(time(t))
                        .append('\n');
            }
        }
        om.append("# TYPE container_cpu_usage_seconds counter\n");
        for (Map.Entry<Pod, List<Step>> e : steps.entrySet()) {
            double cpu = 100;
            for (int t = 0; t < e.getValue().size(); t++) {
                cpu += e.getValue().get(t).cpu() * SCRAPE_SECONDS;
                om.append("container_cpu_usage_seconds_total{")
                        .append(container(e.getKey()))
                        .append("} ")
                        .append(String.format(java.util.Locale.ROOT, "%.3f", cpu))
                        .append(' ')
                        .append(time(t))
                        .append('\n');
            }
        }
        om.append("# TYPE container_memory_working_set_bytes gauge\n");
        for (Map.Entry<Pod, List<Step>> e : steps.entrySet()) {
            for (int t = 0; t < e.getValue().size(); t++) {
                om.append("container_memory_working_set_bytes{")
                        .append(container(e.getKey()))
                        .append("} ")
                        .append(Math.round(e.getValue().get(t).memory()))
                        .append(' ')
                        .append(time(t))
                        .append('\n');
            }
        }
        om.append("# TYPE kube_pod_container_status_restarts counter\n");
        for (Map.Entry<Pod, List<Step>> e : steps.entrySet()) {
            int restarts = 0;
            for (int t = 0; t < e.getValue().size(); t++) {
                restarts += e.getValue().get(t).restarts();
                om.append("kube_pod_container_status_restarts_total{")
                        .append(container(e.getKey()))
                        .append("} ")
                        .append(restarts)
                        .append(' ')
                        .append(time(t))
                        .append('\n');
            }
        }
        return om.append("# EOF\n").toString();
    }

    private int scrapes() {
        return (int) ((end.getEpochSecond() - start.getEpochSecond()) / SCRAPE_SECONDS) + 1;
    }

    private long time(int t) {
        return start.getEpochSecond() + (long) t * SCRAPE_SECONDS;
    }

    private static String http(Pod p) {
        return "namespace=\"" + p.service().name() + "\",pod=\"" + p.name() + "\",rollouts_pod_template_hash=\""
                + p.hash() + "\",service=\"" + p.service().name() + "\"";
    }

    private static String container(Pod p) {
        return "container=\"app\",namespace=\"" + p.service().name() + "\",pod=\"" + p.name() + "\"";
    }

    private List<Step> simulate(Scenario b, int podIndex) {
        int n = scrapes();
        List<Step> steps = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            long requests = t == 0
                    ? 0
                    : Math.max(
                            0,
                            Math.round(
                                    b.requestsPerPodPerSecond() * SCRAPE_SECONDS * (0.9 + 0.2 * random.nextDouble())));
            double ratio = b.errorSteps() > 0
                    ? (podIndex == 0 && t > 0 && t % (n / b.errorSteps()) == 0 ? b.errorRatio() : 0)
                    : b.errorRatio();
            long errors = 0;
            for (long r = 0; r < requests; r++) {
                errors += random.nextDouble() < ratio ? 1 : 0;
            }
            double median = b.latencyMedian() * Math.exp(b.latencyNoise() * gaussian());
            long[] buckets = new long[BUCKETS.length + 1];
            double latencySum = 0;
            for (long r = 0; r < requests; r++) {
                double latency = median * Math.exp(0.5 * gaussian());
                latencySum += latency;
                int k = 0;
                while (k < BUCKETS.length && latency > BUCKETS[k]) {
                    k++;
                }
                buckets[k]++;
            }
            int restarts = b.restarts() > 0 && podIndex == 0 && t > 0 && t % (n / b.restarts()) == 0 ? 1 : 0;
            steps.add(new Step(
                    requests,
                    errors,
                    buckets,
                    latencySum,
                    b.cpuCores() * (0.95 + 0.1 * random.nextDouble()),
                    b.memoryBytes() * (0.98 + 0.04 * random.nextDouble()),
                    restarts));
        }
        return steps;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
