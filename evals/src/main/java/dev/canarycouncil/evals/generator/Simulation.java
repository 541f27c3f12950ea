package dev.canarycouncil.evals.generator;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.canarycouncil.mcp.recorded.RolloutManifest;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
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

/**
 * Simulates one canary step from a {@link ScenarioConfig} and writes it as a recorded rollout:
 * per-pod traffic, errors and latencies as Prometheus counters and histograms, memory, CPU and
 * restarts, crash loops with Kubernetes' back-off, and logs in the service's own style.
 */
final class Simulation {

    static final double[] BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, Double.POSITIVE_INFINITY};
    private static final Duration METRICS_LEAD = Duration.ofMinutes(3);
    /**
     * PodInfo keeps labels in an immutable map whose iteration order changes from one JVM run to
     * the next; sorting map keys keeps pods.json byte-identical between runs.
     */
    private static final ObjectWriter JSON = Json.mapper()
            .copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .writerWithDefaultPrettyPrinter();

    private final ScenarioConfig cfg;
    private final SplittableRandom random;
    private final Instant end;

    /** One run of a container, from start until it died or the recording ended. */
    record Instance(Instant start, Instant end, boolean crashed) {}

    /** A pod; {@code instances} is empty when its image never pulled. */
    record Pod(
            String name,
            boolean canary,
            String hash,
            PodBehaviour behaviour,
            Instant created,
            List<Instance> instances) {}

    Simulation(ScenarioConfig cfg, long seed) {
        this.cfg = cfg;
        this.random = new SplittableRandom(seed);
        this.end = cfg.windowStart.plus(cfg.window);
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        List<Pod> pods = pods();
        writeManifest(dir);
        if (cfg.metrics != MetricConvention.NONE) {
            writeMetrics(dir.resolve("metrics.om"), pods);
        }
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
            pods.add(new Pod(
                    podName(cfg.stableHash, i),
                    false,
                    cfg.stableHash,
                    cfg.stable,
                    start,
                    List.of(new Instance(start, end, false))));
        }
        for (int i = 0; i < cfg.canaryPods; i++) {
            Instant start = cfg.windowStart.plusSeconds(4 + 3L * i);
            PodBehaviour b = cfg.canaryPodOverrides.getOrDefault(i, cfg.canary);
            pods.add(new Pod(
                    podName(cfg.canaryHash, i),
                    true,
                    cfg.canaryHash,
                    b,
                    start,
                    b.imagePullError != null ? List.of() : instances(start, b)));
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
        RolloutManifest manifest = new RolloutManifest(
                1,
                cfg.description,
                cfg.namespace,
                cfg.service,
                cfg.service,
                new RolloutManifest.Side(
                        cfg.stableHash,
                        "app=" + cfg.service + ",rollouts-pod-template-hash=" + cfg.stableHash,
                        cfg.stable.version),
                new RolloutManifest.Side(
                        cfg.canaryHash,
                        "app=" + cfg.service + ",rollouts-pod-template-hash=" + cfg.canaryHash,
                        cfg.canary.version),
                new TimeWindow(cfg.windowStart, end),
                new RolloutManifest.Status(cfg.rolloutPhase, cfg.currentStep, cfg.canaryWeight, cfg.rolloutMessage),
                new RolloutManifest.Expected(cfg.expected, cfg.rootCause, cfg.rootCauseKeywords, cfg.failureClass));
        JSON.writeValue(dir.resolve("rollout.json").toFile(), manifest);
    }

    private void writeMetrics(Path file, List<Pod> pods) throws IOException {
        OpenMetricsWriter om = new OpenMetricsWriter();
        AppMetrics app = new AppMetrics(cfg.metrics, om);
        app.declare();
        om.family("container_memory_working_set_bytes", "gauge", "Working set of the container.");
        om.family("container_cpu_usage_seconds", "counter", "CPU time used by the container.");
        om.family("kube_pod_container_status_restarts", "counter", "Container restarts.");
        om.family("kube_pod_container_status_waiting_reason", "gauge", "Why the container is waiting to start.");
        long step = cfg.scrapeInterval.toMillis();
        long first = cfg.windowStart.minus(METRICS_LEAD).toEpochMilli();
        for (Pod pod : pods) {
            Map<String, String> base = cfg.metrics.target(cfg.namespace, cfg.service, pod.name(), pod.hash());
            Map<String, String> container =
                    Map.of("namespace", cfg.namespace, "pod", pod.name(), "container", cfg.container);
            PodBehaviour b = pod.behaviour();
            if (!b.serves()) {
                // Never listened: only kube-state-metrics knows the container, cAdvisor and the app have nothing.
                writeStatusMetrics(om, pod, container, first, step);
                continue;
            }
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
                    double maxLatency = 0;
                    // Failures that wait for a timeout take their own time; the first draws stand for them.
                    int slowDraws = b.errorLatencyMs > 0 && n > 0 ? (int) Math.round((double) draws * errors / n) : 0;
                    for (int d = 0; d < draws; d++) {
                        double latency = d < slowDraws ? errorLatencySeconds(b) : latencySeconds(b);
                        maxLatency = Math.max(maxLatency, latency);
                        double weight = (double) n / draws;
                        sum += latency * weight;
                        for (int k = 0; k < BUCKETS.length; k++) {
                            if (latency <= BUCKETS[k]) {
                                buckets[k] += weight;
                            }
                        }
                    }
                    cpu += b.cpuCores * seconds * (0.8 + 0.4 * random.nextDouble());
                    app.sample(
                            base,
                            cfg.requestMethod,
                            cfg.requestPath,
                            t,
                            ok,
                            failed,
                            b.errorStatus,
                            buckets,
                            sum,
                            maxLatency);
                    double minutes = (t - inst.start().toEpochMilli()) / 60_000.0;
                    double memory = Math.min(b.memoryLimitMb, b.memoryMb + b.memoryGrowthMbPerMinute * minutes)
                            * (0.98 + 0.04 * random.nextDouble());
                    om.sample(
                            "container_memory_working_set_bytes",
                            "container_memory_working_set_bytes",
                            container,
                            t,
                            Math.round(memory * 1024 * 1024));
                    om.sample(
                            "container_cpu_usage_seconds",
                            "container_cpu_usage_seconds_total",
                            container,
                            t,
                            round3(cpu));
                    om.sample(
                            "kube_pod_container_status_restarts",
                            "kube_pod_container_status_restarts_total",
                            container,
                            t,
                            i);
                }
            }
        }
        om.write(file);
    }

    /**
     * What kube-state-metrics reports for a container that never serves: its restart count at
     * every scrape since the pod was created, and why it is waiting.
     */
    private void writeStatusMetrics(
            OpenMetricsWriter om, Pod pod, Map<String, String> container, long first, long step) {
        long from = Math.max(first, pod.created().toEpochMilli());
        for (long t = ((from + step - 1) / step) * step; t <= end.toEpochMilli(); t += step) {
            Instant now = Instant.ofEpochMilli(t);
            long restarts = pod.instances().stream()
                    .skip(1)
                    .filter(i -> !i.start().isAfter(now))
                    .count();
            om.sample(
                    "kube_pod_container_status_restarts",
                    "kube_pod_container_status_restarts_total",
                    container,
                    t,
                    restarts);
            boolean running = pod.instances().stream()
                    .anyMatch(i -> !i.start().isAfter(now) && i.end().isAfter(now));
            boolean crashedBefore = pod.instances().stream()
                    .anyMatch(i -> i.crashed() && !i.end().isAfter(now));
            String reason = pod.behaviour().imagePullError != null
                    ? "ImagePullBackOff"
                    : !running && crashedBefore ? "CrashLoopBackOff" : null;
            if (reason != null) {
                om.sample(
                        "kube_pod_container_status_waiting_reason",
                        "kube_pod_container_status_waiting_reason",
                        with(container, "reason", reason),
                        t,
                        1);
            }
        }
    }

    private void writeLogs(Path dir, List<Pod> pods) throws IOException {
        for (Pod pod : pods) {
            List<Instance> instances = pod.instances();
            if (instances.isEmpty()) {
                continue; // a container that never started has no log
            }
            Files.write(dir.resolve(pod.name() + ".log"), logLines(pod, instances.get(instances.size() - 1)));
            if (instances.size() > 1) {
                Files.write(
                        dir.resolve(pod.name() + ".previous.log"), logLines(pod, instances.get(instances.size() - 2)));
            }
        }
    }

    private List<String> logLines(Pod pod, Instance inst) {
        PodBehaviour b = pod.behaviour();
        LogStyle style = b.style != null ? b.style : cfg.style;
        List<String> lines = new ArrayList<>();
        Instant from = inst.start().isBefore(cfg.windowStart.minusSeconds(60))
                ? cfg.windowStart.minusSeconds(60)
                : inst.start();
        if (!inst.start().isBefore(from) || cfg.keepStartupOfOldPods) {
            lines.addAll(
                    b.failsBeforeListening
                            ? style.failedStartup(inst.start(), cfg.service, b.version)
                            : style.startup(inst.start(), cfg.service, b.version));
            for (String message : b.startupMessages) {
                lines.add(style.warn(inst.start().plusSeconds(3), "config", message));
            }
            for (int k = 0; k < b.startupNotes.size(); k++) {
                LogNote note = b.startupNotes.get(k);
                // After every style's own start-up lines (Spring's "Started" comes at +2.4 s).
                Instant at = inst.start().plusMillis(1000 * (3 + k * b.startupNoteSpacingSeconds) + 137);
                lines.add(style.startupNote(at, note));
            }
        }
        long seconds = Duration.between(from, inst.end()).getSeconds();
        for (long s = 5; s < seconds; s++) {
            Instant t = from.plusSeconds(s).plusMillis(random.nextInt(1000));
            if (s % 60 == 0 && cfg.cacheRefreshLog) {
                lines.add(style.info(t, "cache", "cache refreshed entries=" + (900 + random.nextInt(200))));
            }
            // A pod with less traffic than the sampling rate logs every request it gets.
            if (random.nextDouble() >= Math.min(cfg.logLinesPerSecond, b.rps)) {
                continue;
            }
            boolean failed = random.nextDouble() < b.errorRatio;
            double latencyMs =
                    failed && b.errorLatencyMs > 0 ? errorLatencySeconds(b) * 1000 : latencySeconds(b) * 1000;
            if (failed) {
                addNotes(lines, style, t, b.errorNotes);
                for (String message : b.errorMessages) {
                    lines.add(style.error(
                            t, "handler", message.replace("{id}", Integer.toString(10_000 + random.nextInt(90_000)))));
                }
                lines.addAll(b.errorTrace);
                lines.add(style.request(
                        t,
                        cfg.requestMethod,
                        b.errorPath != null ? b.errorPath : cfg.requestPath,
                        b.errorStatus,
                        latencyMs,
                        b.errorDetail));
            } else {
                if (!b.requestNotes.isEmpty() && random.nextDouble() < b.requestNoteRatio) {
                    addNotes(lines, style, t, b.requestNotes);
                }
                lines.add(style.request(t, cfg.requestMethod, cfg.requestPath, 200, latencyMs, b.successDetail));
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

    /** Logs {@code notes} at {@code t}, all with the same random {@code {id}} (one request, one id). */
    private void addNotes(List<String> lines, LogStyle style, Instant t, List<LogNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        String id = Integer.toString(10_000 + random.nextInt(90_000));
        for (LogNote note : notes) {
            lines.add(style.note(t, note, note.message().replace("{id}", id)));
        }
    }

    private void writePods(Path file, List<Pod> pods) throws IOException {
        List<PodInfo> out = new ArrayList<>();
        for (Pod pod : pods) {
            List<Instance> instances = pod.instances();
            PodBehaviour b = pod.behaviour();
            if (instances.isEmpty()) {
                out.add(imagePullPod(pod));
                continue;
            }
            Instance last = instances.get(instances.size() - 1);
            int restarts = instances.size() - 1;
            boolean waiting = last.crashed();
            Instance lastCrash = null;
            for (Instance i : instances) {
                if (i.crashed()) {
                    lastCrash = i;
                }
            }
            ContainerInfo container = new ContainerInfo(
                    cfg.container,
                    image(b),
                    !waiting,
                    restarts,
                    waiting ? "waiting" : "running",
                    waiting ? "CrashLoopBackOff" : null,
                    waiting ? "back-off restarting failed container " + cfg.container + " in pod " + pod.name() : null,
                    null,
                    lastCrash == null ? null : b.crashReason,
                    lastCrash == null ? null : b.crashExitCode,
                    lastCrash == null ? null : lastCrash.end());
            out.add(new PodInfo(
                    pod.name(),
                    cfg.namespace,
                    labels(pod),
                    "Running",
                    !waiting,
                    instances.get(0).start(),
                    List.of(container)));
        }
        JSON.writeValue(file.toFile(), out);
    }

    /** A pod whose image does not pull stays Pending with its container waiting in ImagePullBackOff. */
    private PodInfo imagePullPod(Pod pod) {
        String image = image(pod.behaviour());
        ContainerInfo container = new ContainerInfo(
                cfg.container,
                image,
                false,
                0,
                "waiting",
                "ImagePullBackOff",
                "Back-off pulling image \"" + image + "\": ErrImagePull: " + pod.behaviour().imagePullError,
                null,
                null,
                null,
                null);
        return new PodInfo(pod.name(), cfg.namespace, labels(pod), "Pending", false, pod.created(), List.of(container));
    }

    private Map<String, String> labels(Pod pod) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", cfg.service);
        labels.put("rollouts-pod-template-hash", pod.hash());
        return labels;
    }

    private String image(PodBehaviour b) {
        return b.image != null ? b.image : "registry.example.com/" + cfg.service + ":" + b.version;
    }

    private void writeEvents(Path file, List<Pod> pods) throws IOException {
        List<EventInfo> events = new ArrayList<>();
        events.add(new EventInfo(
                "Normal",
                "RolloutUpdated",
                "Rollout updated to revision 2",
                "Rollout",
                cfg.service,
                1,
                cfg.windowStart,
                cfg.windowStart));
        events.add(new EventInfo(
                "Normal",
                "SetWeight",
                "Set weight to " + cfg.canaryWeight,
                "Rollout",
                cfg.service,
                1,
                cfg.windowStart.plusSeconds(2),
                cfg.windowStart.plusSeconds(2)));
        for (Pod pod : pods) {
            if (!pod.canary()) {
                continue;
            }
            if (pod.instances().isEmpty()) {
                events.addAll(imagePullEvents(pod));
                continue;
            }
            Instant start = pod.instances().get(0).start();
            events.add(new EventInfo(
                    "Normal",
                    "Scheduled",
                    "Successfully assigned " + cfg.namespace + "/" + pod.name() + " to node-2",
                    "Pod",
                    pod.name(),
                    1,
                    start.minusSeconds(3),
                    start.minusSeconds(3)));
            events.add(new EventInfo(
                    "Normal",
                    "Pulled",
                    "Container image \"" + image(pod.behaviour()) + "\" already present on machine",
                    "Pod",
                    pod.name(),
                    pod.instances().size(),
                    start.minusSeconds(1),
                    pod.instances().get(pod.instances().size() - 1).start().minusSeconds(1)));
            events.add(new EventInfo(
                    "Normal",
                    "Started",
                    "Started container " + cfg.container,
                    "Pod",
                    pod.name(),
                    pod.instances().size(),
                    start,
                    pod.instances().get(pod.instances().size() - 1).start()));
            long crashes = pod.instances().stream().filter(Instance::crashed).count();
            if (crashes > 1) {
                Instance firstCrash = pod.instances().get(0);
                Instance lastCrash = pod.instances().stream()
                        .filter(Instance::crashed)
                        .reduce((a, c) -> c)
                        .orElseThrow();
                events.add(new EventInfo(
                        "Warning",
                        "BackOff",
                        "Back-off restarting failed container " + cfg.container + " in pod " + pod.name() + "_"
                                + cfg.namespace,
                        "Pod",
                        pod.name(),
                        (int) crashes - 1,
                        firstCrash.end().plusSeconds(1),
                        lastCrash.end().plusSeconds(1)));
            }
        }
        JSON.writeValue(file.toFile(), events);
    }

    /**
     * The kubelet's events for an image that cannot be pulled: each attempt is Pulling, Failed
     * with the registry's answer and Failed "Error: ErrImagePull"; between attempts, backing off
     * 10 s, 20 s, 40 s ... up to 5 min, it reports BackOff and "Error: ImagePullBackOff" at
     * every pod sync (about every 10 s).
     */
    private List<EventInfo> imagePullEvents(Pod pod) {
        String image = image(pod.behaviour());
        Instant created = pod.created();
        List<Instant> attempts = new ArrayList<>();
        Instant attempt = created.plusSeconds(1);
        while (attempt.isBefore(end)) {
            attempts.add(attempt);
            attempt = attempt.plusSeconds(Math.min(300, 10L << Math.min(attempts.size() - 1, 5)));
        }
        Instant firstPull = attempts.get(0);
        Instant lastPull = attempts.get(attempts.size() - 1);
        Instant firstBackOff = firstPull.plusSeconds(2);
        int backOffs = (int) Math.max(1, Duration.between(firstBackOff, end).getSeconds() / 10 - attempts.size());
        Instant lastBackOff = end.minusSeconds(4);
        String name = pod.name();
        int n = attempts.size();
        return List.of(
                new EventInfo(
                        "Normal",
                        "Scheduled",
                        "Successfully assigned " + cfg.namespace + "/" + name + " to node-2",
                        "Pod",
                        name,
                        1,
                        created.minusSeconds(1),
                        created.minusSeconds(1)),
                new EventInfo(
                        "Normal", "Pulling", "Pulling image \"" + image + "\"", "Pod", name, n, firstPull, lastPull),
                new EventInfo(
                        "Warning",
                        "Failed",
                        "Failed to pull image \"" + image + "\": " + pod.behaviour().imagePullError,
                        "Pod",
                        name,
                        n,
                        firstPull.plusSeconds(1),
                        lastPull.plusSeconds(1)),
                new EventInfo(
                        "Warning",
                        "Failed",
                        "Error: ErrImagePull",
                        "Pod",
                        name,
                        n,
                        firstPull.plusSeconds(1),
                        lastPull.plusSeconds(1)),
                new EventInfo(
                        "Normal",
                        "BackOff",
                        "Back-off pulling image \"" + image + "\"",
                        "Pod",
                        name,
                        backOffs,
                        firstBackOff,
                        lastBackOff),
                new EventInfo(
                        "Warning",
                        "Failed",
                        "Error: ImagePullBackOff",
                        "Pod",
                        name,
                        backOffs,
                        firstBackOff,
                        lastBackOff));
    }

    private double latencySeconds(PodBehaviour b) {
        return b.latencyMedianMs / 1000.0 * Math.exp(b.latencySigma * gaussian());
    }

    private double errorLatencySeconds(PodBehaviour b) {
        return b.errorLatencyMs / 1000.0 * (0.9 + 0.2 * random.nextDouble());
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

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
