package dev.canarycouncil.evals.generator;

import java.time.Duration;
import java.util.List;

/**
 * How the pods of one side (or one pod) behave during a simulated rollout. Fields have healthy
 * defaults; every field added after the first four recordings defaults to "off" so that those
 * recordings' random draws, and so their bytes, stay the same.
 */
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
    /** The path failed requests ask for when only one route fails, or null for the scenario's path. */
    String errorPath;
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

    /** This side's log style when it differs from the scenario's (a renamed field, a new banner), else null. */
    LogStyle style;
    /** The container image, or null for {@code registry.example.com/<service>:<version>}. */
    String image;

    /** Lines logged once after start-up, from +3 s, {@link #startupNoteSpacingSeconds} apart (feature flags, cache warm-up, a fatal config error). */
    List<LogNote> startupNotes = List.of();

    long startupNoteSpacingSeconds = 1;
    /** Lines logged with a share of the successful requests: benign debug output, or errors the status code hides. */
    List<LogNote> requestNotes = List.of();

    double requestNoteRatio;
    /** Lines logged before each failed request's line (retries, the error itself); {@code {id}} varies. */
    List<LogNote> errorNotes = List.of();
    /** Raw lines (a stack trace, a Python traceback) written right after a failed request's error lines. */
    List<String> errorTrace = List.of();
    /** How long a failed request takes (a timeout), or 0 when failures are as fast as successes. */
    double errorLatencyMs;

    /** The registry's answer when the image cannot be pulled; the pod then never starts. Null when it pulls. */
    String imagePullError;
    /** The process exits during start-up (bad configuration): it never listens or serves; use a short crashAfter. */
    boolean failsBeforeListening;

    /** Whether the container ever serves requests. */
    boolean serves() {
        return imagePullError == null && !failsBeforeListening;
    }
}
