package dev.canarycouncil.evals.generator;

import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything that defines one generated recording. */
final class ScenarioConfig {

    String name;
    String description;
    String namespace = "shop";
    String service = "checkout";
    String requestPath = "/api/checkout";
    String requestMethod = "POST";
    LogStyle style = new GoLogrusStyle();
    /** How the service's request metrics are named and labelled; NONE for a setup without metrics. */
    MetricConvention metrics = MetricConvention.PROMETHEUS_CLIENT;

    Decision expected;
    String failureClass;
    String rootCause;
    List<String> rootCauseKeywords = List.of();

    int stablePods = 3;
    int canaryPods = 1;
    int canaryWeight = 20;
    String stableHash;
    String canaryHash;
    String container = "app";

    Instant windowStart = Instant.parse("2026-05-05T10:00:00Z");
    Duration window = Duration.ofMinutes(10);
    Duration scrapeInterval = Duration.ofSeconds(30);
    /** Access-log lines per pod per second; real services log every request, we sample to keep recordings small. */
    double logLinesPerSecond = 0.5;

    PodBehaviour stable = new PodBehaviour();
    PodBehaviour canary = new PodBehaviour();
    /** Canary pods that behave differently from {@link #canary}, by pod index (partial failures). */
    Map<Integer, PodBehaviour> canaryPodOverrides = new LinkedHashMap<>();

    /** Log the periodic "cache refreshed" line; off for services without that cache (nginx, the demo app). */
    boolean cacheRefreshLog = true;
    /**
     * Keep the start-up lines of pods that started long before the window at the head of their
     * log (as {@code kubectl logs} would show them), so a start-up warning both sides print is
     * visible on the stable side too.
     */
    boolean keepStartupOfOldPods;
    /** The Rollout's status; a canary that never becomes available leaves it Progressing at step 0. */
    String rolloutPhase = "Paused";

    int currentStep = 1;
    String rolloutMessage = "CanaryPauseStep";

    /** Source files for {@code repo/}, path to content. */
    Map<String, String> repository = new LinkedHashMap<>();

    ScenarioConfig(String name) {
        this.name = name;
    }
}
