package dev.canarycouncil.evals.generator;

import java.time.Duration;
import java.util.List;

/** How the pods of one side behave during a simulated rollout. Fields have healthy defaults. */
final class PodBehaviour {

    String version = "1.8.2";
    /** Requests per second each pod serves. */
    double rps = 20;
    double errorRatio = 0.003;
    int errorStatus = 500;
    double latencyMedianMs = 24;
    double latencySigma = 0.45;
    /** Appended to every successful request line (e.g. the demo app's colour). */
    String successDetail = "";
    /** Appended to every failed request line. */
    String errorDetail = "error=\"upstream connection reset\"";
    /** Extra error lines logged with a failed request, or empty. */
    List<String> errorMessages = List.of();
    /** Lines logged once shortly after start-up (config warnings, feature flags, ...). */
    List<String> startupMessages = List.of();

    /** Uptime before the container dies, or null when it never crashes. */
    Duration crashAfter;
    String crashReason = "Error";
    int crashExitCode = 2;
    /** Lines the process writes as it dies (a panic trace); OOM kills write nothing. */
    List<String> crashTrace = List.of();

    double memoryMb = 180;
    double memoryGrowthMbPerMinute = 0;
    double memoryLimitMb = 512;
    double cpuCores = 0.15;
}
