package dev.canarycouncil.evals.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;

/**
 * Simulates one canary step from a {@link ScenarioConfig} and writes it as a recorded rollout:
 * per-pod traffic, errors and latencies as Prometheus counters and histograms, memory, CPU and
 * restarts, crash loops with Kubernetes' back-off, and logs in the service's own style.
 */
final class Simulation {

    static final double[] BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, Double.POSITIVE_INFINITY};
    private static final Duration METRICS_LEAD = Duration.ofMinutes(3);

    private final ScenarioConfig cfg;
    private final SplittableRandom random;
    private final Instant end;

    /** One run of a container, from start until it died or the recording ended. */
    record Instance(Instant start, Instant end, boolean crashed) {
    }

    record Pod(String name, boolean canary, String hash, PodBehaviour behaviour, List<Instance> instances) {
    }

    Simulation(ScenarioConfig cfg, long seed) {
        this.cfg = cfg;
        this.random = new SplittableRandom(seed);
        this.end = cfg.windowStart.plus(cfg.window);
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        List<Pod> pods = pods();
        writeManifest(dir);
        writeMetrics(dir.resolve("metrics.om"), pods);
        writeLogs(dir.resolve("logs"), pods);
        writePods(dir.resolve("pods.json"), pods);
        writeEvents(dir.resolve("events.json"), pods);
        for (Map.Entry<String, String> file : cfg.repository.entrySet()) {
            Path target = dir.resolve("repo").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    private List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < cfg.stablePods; i++) {
            Instant start = cfg.windowStart.minus(Duration.ofHours(46 + i));
            pods.add(new Pod(podName(cfg.stableHash, i), false, cfg.stableHash, cfg.stable,
                    List.of(new Instance(start, end, false))));
        }
        for (int i = 0; i < cfg.canaryPods; i++) {
            Instant start = cfg.windowStart.plusSeconds(4 + 3L * i);
            pods.add(new Pod(podName(cfg.canaryHash, i), true, cfg.canaryHash, cfg.canary, instances(start, cfg.canary)));
        }
        return pods;
    }

    /** Pod names as a ReplicaSet makes them: five characters from Kubernetes' name alphabet. */
    private String podName(String hash, int i) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        SplittableRandom names = new SplittableRandom((cfg.name + "/" + hash + "/" + i).hashCode());
        StringBuilder suffix = new StringBuilder();
        for (int k = 0; k < 5; k++) {
            suffix.append(alphabet.charAt(names.nextInt(alphabet.length())));
        }
        return cfg.service + "-" + hash + "-" + suffix;
    }

    /** Crash-looping containers restart after 10 s, 20 s, 40 s ... capped at 5 min, as the kubelet does. */
    private List<Instance> instances(Instant start, PodBehaviour b) {
        List<Instance> out = new ArrayList<>();
        Instant s = start;
        int restarts = 0;
        while (s.isBefore(end)) {
            if (b.crashAfter == null) {
                out.add(new Instance(s, end, false));
                break;
            }
            Instant death = s.plus(b.crashAfter);
            if (!death.isBefore(end)) {
                out.add(new Instance(s, end, false));
                break;
            }
            out.add(new Instance(s, death, true));
            long backoff = Math.min(300, 10L << Math.min(restarts, 5));
            s = death.plusSeconds(backoff);
            restarts++;
        }
        return out;
    }

    private void writeManifest(Path dir) throws IOException {
        RolloutManifest manifest = new RolloutManifest(1, cfg.description, cfg.namespace, cfg.service, cfg.service,
                new RolloutManifest.Side(cfg.stableHash, "app=" + cfg.service + ",rollouts-pod-template-hash=" + cfg.stableHash,
                        cfg.stable.version),
                new RolloutManifest.Side(cfg.canaryHash, "app=" + cfg.service + ",rollouts-pod-template-hash=" + cfg.canaryHash,
                        cfg.canary.version),
                new TimeWindow(cfg.windowStart, end),
                new RolloutManifest.Status("Paused", 1, cfg.canaryWeight, "CanaryPauseStep"),
                new RolloutManifest.Expected(cfg.expected, cfg.rootCause, cfg.rootCauseKeywords, cfg.failureClass));
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("rollout.json").toFile(), manifest);
    }

    private void writeMetrics(Path file, List<Pod> pods) throws IOException {
        OpenMetricsWriter om = new OpenMetricsWriter();
        om.family("http_requests", "counter", "HTTP requests served, by status code.");
        om.family("http_request_duration_seconds", "histogram", "HTTP request latency.");
        om.family("container_memory_working_set_bytes", "gauge", "Working set of the container.");
        om.family("container_cpu_usage_seconds", "counter", "CPU time used by the container.");
        om.family("kube_pod_container_status_restarts", "counter", "Container restarts.");
        long step = cfg.scrapeInterval.toMillis();
        long first = cfg.windowStart.minus(METRICS_LEAD).toEpochMilli();
        for (Pod pod : pods) {
            Map<String, String> base = Map.of("namespace", cfg.namespace, "pod", pod.name(), "service", cfg.service,
                    "rollouts_pod_template_hash", pod.hash());
            Map<String, String> container = Map.of("namespace", cfg.namespace, "pod", pod.name(), "container", cfg.container);
            PodBehaviour b = pod.behaviour();
            for (int i = 0; i < pod.instances().size(); i++) {
                Instance inst = pod.instances().get(i);
                double ok = 0;
                double failed = 0;
                double[] buckets = new double[BUCKETS.length];
                double sum = 0;
                double cpu = 0;
                long from = Math.max(first, inst.start().toEpochMilli());
                long t = ((from + step - 1) / step) * step;
                long previous = inst.start().toEpochMilli();
                for (; t <= inst.end().toEpochMilli() && t <= end.toEpochMilli(); t += step) {
                    if (t == inst.end().toEpochMilli() && inst.crashed()) {
                        break;
                    }
                    double seconds = (t - Math.max(previous, inst.start().toEpochMilli())) / 1000.0;
                    previous = t;
                    int n = poisson(b.rps * seconds);
                    int errors = binomial(n, b.errorRatio);
                    ok += n - errors;
                    failed += errors;
                    int draws = Math.min(n, 400);
                    for (int d = 0; d < draws; d++) {
                        double latency = latencySeconds(b);
                        double weight = (double) n / draws;
                        sum += latency * weight;
                        for (int k = 0; k < BUCKETS.length; k++) {
                            if (latency <= BUCKETS[k]) {
                                buckets[k] += weight;
                            }
                        }
                    }
                    cpu += b.cpuCores * seconds * (0.8 + 0.4 * random.nextDouble());
                    Map<String, String> okLabels = with(base, "code", "200");
                    Map<String, String> errLabels = with(base, "code", Integer.toString(b.errorStatus));
                    om.sample("http_requests", "http_requests_total", okLabels, t, Math.round(ok));
                    om.sample("http_requests", "http_requests_total", errLabels, t, Math.round(failed));
                    for (int k = 0; k < BUCKETS.length; k++) {
                        om.sample("http_request_duration_seconds", "http_request_duration_seconds_bucket",
                                with(base, "le", k == BUCKETS.length - 1 ? "+Inf" : trim(BUCKETS[k])), t, Math.round(buckets[k]));
                    }
                    om.sample("http_request_duration_seconds", "http_request_duration_seconds_sum", base, t, round3(sum));
                    om.sample("http_request_duration_seconds", "http_request_duration_seconds_count", base, t,
                            Math.round(buckets[BUCKETS.length - 1]));
                    double minutes = (t - inst.start().toEpochMilli()) / 60_000.0;
                    double memory = Math.min(b.memoryLimitMb, b.memoryMb + b.memoryGrowthMbPerMinute * minutes)
                            * (0.98 + 0.04 * random.nextDouble());
                    om.sample("container_memory_working_set_bytes", "container_memory_working_set_bytes", container, t,
                            Math.round(memory * 1024 * 1024));
                    om.sample("container_cpu_usage_seconds", "container_cpu_usage_seconds_total", container, t, round3(cpu));
                    om.sample("kube_pod_container_status_restarts", "kube_pod_container_status_restarts_total",
                            container, t, i);
                }
            }
        }
        om.write(file);
    }

    private void writeLogs(Path dir, List<Pod> pods) throws IOException {
        for (Pod pod : pods) {
            List<Instance> instances = pod.instances();
            Files.write(dir.resolve(pod.name() + ".log"), logLines(pod, instances.get(instances.size() - 1)));
            if (instances.size() > 1) {
                Files.write(dir.resolve(pod.name() + ".previous.log"), logLines(pod, instances.get(instances.size() - 2)));
            }
        }
    }

    private List<String> logLines(Pod pod, Instance inst) {
        PodBehaviour b = pod.behaviour();
        LogStyle style = cfg.style;
        List<String> lines = new ArrayList<>();
        Instant from = inst.start().isBefore(cfg.windowStart.minusSeconds(60)) ? cfg.windowStart.minusSeconds(60) : inst.start();
        if (!inst.start().isBefore(from)) {
            lines.addAll(style.startup(inst.start(), cfg.service, b.version));
            for (String message : b.startupMessages) {
                lines.add(style.warn(inst.start().plusSeconds(3), "config", message));
            }
        }
        long seconds = Duration.between(from, inst.end()).getSeconds();
        for (long s = 5; s < seconds; s++) {
            Instant t = from.plusSeconds(s).plusMillis(random.nextInt(1000));
            if (s % 60 == 0) {
                lines.add(style.info(t, "cache", "cache refreshed entries=" + (900 + random.nextInt(200))));
            }
            if (random.nextDouble() >= cfg.logLinesPerSecond) {
                continue;
            }
            boolean failed = random.nextDouble() < b.errorRatio;
            double latencyMs = latencySeconds(b) * 1000;
            if (failed) {
                for (String message : b.errorMessages) {
                    lines.add(style.error(t, "handler", message.replace("{id}", Integer.toString(10_000 + random.nextInt(90_000)))));
                }
                lines.add(style.request(t, "POST", cfg.requestPath, b.errorStatus, latencyMs, b.errorDetail));
            } else {
                lines.add(style.request(t, "POST", cfg.requestPath, 200, latencyMs, b.successDetail));
            }
            if (latencyMs > 600 && random.nextDouble() < 0.5) {
                lines.add(style.warn(t, "http", "slow request took " + Math.round(latencyMs) + "ms"));
            }
        }
        if (inst.crashed()) {
            lines.addAll(b.crashTrace);
        }
        return lines;
    }

    private void writePods(Path file, List<Pod> pods) throws IOException {
        List<PodInfo> out = new ArrayList<>();
        for (Pod pod : pods) {
            List<Instance> instances = pod.instances();
            Instance last = instances.get(instances.size() - 1);
            PodBehaviour b = pod.behaviour();
            int restarts = instances.size() - 1;
            boolean waiting = last.crashed();
            Instance lastCrash = null;
            for (Instance i : instances) {
                if (i.crashed()) {
                    lastCrash = i;
                }
            }
            ContainerInfo container = new ContainerInfo(cfg.container,
                    "registry.example.com/" + cfg.service + ":" + b.version, !waiting, restarts,
                    waiting ? "waiting" : "running",
                    waiting ? "CrashLoopBackOff" : null,
                    waiting ? "back-off restarting failed container " + cfg.container + " in pod " + pod.name() : null,
                    null,
                    lastCrash == null ? null : b.crashReason,
                    lastCrash == null ? null : b.crashExitCode,
                    lastCrash == null ? null : lastCrash.end());
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app", cfg.service);
            labels.put("rollouts-pod-template-hash", pod.hash());
            out.add(new PodInfo(pod.name(), cfg.namespace, labels, "Running", !waiting, instances.get(0).start(),
                    List.of(container)));
        }
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
    }

    private void writeEvents(Path file, List<Pod> pods) throws IOException {
        List<EventInfo> events = new ArrayList<>();
        events.add(new EventInfo("Normal", "RolloutUpdated", "Rollout updated to revision 2", "Rollout", cfg.service, 1,
                cfg.windowStart, cfg.windowStart));
        events.add(new EventInfo("Normal", "SetWeight", "Set weight to " + cfg.canaryWeight, "Rollout", cfg.service, 1,
                cfg.windowStart.plusSeconds(2), cfg.windowStart.plusSeconds(2)));
        for (Pod pod : pods) {
            if (!pod.canary()) {
                continue;
            }
            Instant start = pod.instances().get(0).start();
            events.add(new EventInfo("Normal", "Scheduled", "Successfully assigned " + cfg.namespace + "/" + pod.name()
                    + " to node-2", "Pod", pod.name(), 1, start.minusSeconds(3), start.minusSeconds(3)));
            events.add(new EventInfo("Normal", "Pulled", "Container image \"registry.example.com/" + cfg.service + ":"
                    + pod.behaviour().version + "\" already present on machine", "Pod", pod.name(), pod.instances().size(),
                    start.minusSeconds(1), pod.instances().get(pod.instances().size() - 1).start().minusSeconds(1)));
            events.add(new EventInfo("Normal", "Started", "Started container " + cfg.container, "Pod", pod.name(),
                    pod.instances().size(), start, pod.instances().get(pod.instances().size() - 1).start()));
            long crashes = pod.instances().stream().filter(Instance::crashed).count();
            if (crashes > 1) {
                Instance firstCrash = pod.instances().get(0);
                Instance lastCrash = pod.instances().stream().filter(Instance::crashed).reduce((a, c) -> c).orElseThrow();
                events.add(new EventInfo("Warning", "BackOff", "Back-off restarting failed container " + cfg.container
                        + " in pod " + pod.name() + "_" + cfg.namespace, "Pod", pod.name(), (int) crashes - 1,
                        firstCrash.end().plusSeconds(1), lastCrash.end().plusSeconds(1)));
            }
        }
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), events);
    }

    private double latencySeconds(PodBehaviour b) {
        return b.latencyMedianMs / 1000.0 * Math.exp(b.latencySigma * gaussian());
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
    }

    private int binomial(int n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (n < 50) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        return (int) Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * gaussian())));
    }

    private double gaussian() {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
