package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** A Go service logging with logrus' text formatter, like the Argo Rollouts demo app. */
final class GoLogrusStyle implements LogStyle {

    private final String goVersion;
    private final String durationKey;

    GoLogrusStyle() {
        this("go1.22.4", "duration");
    }

    /**
     * @param goVersion   the toolchain the start-up banner names (a benign difference between builds)
     * @param durationKey the request-duration field's name (renaming it is a benign log change)
     */
    GoLogrusStyle(String goVersion, String durationKey) {
        this.goVersion = goVersion;
        this.durationKey = durationKey;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                line(t, "info", "starting " + service, "version=" + version + " go=" + goVersion),
                line(t, "info", "listening", "addr=\":8080\""));
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String level = status >= 500 ? "error" : "info";
        String extra = String.format(
                Locale.ROOT, "method=%s path=%s status=%d %s=%.3fms", method, path, status, durationKey, latencyMs);
        return line(
                t,
                level,
                status >= 500 ? "request failed" : "request served",
                detail == null || detail.isBlank() ? extra : extra + " " + detail);
    }

    @Override
    public String info(Instant t, String component, String message) {
        return line(t, "info", message, "component=" + component);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return line(t, "warning", message, "component=" + component);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return line(t, "error", message, "component=" + component);
    }

    @Override
    public String debug(Instant t, String component, String message) {
        return line(t, "debug", message, "component=" + component);
    }

    @Override
    public String fatal(Instant t, String component, String message) {
        return line(t, "fatal", message, "component=" + component);
    }

    private static String line(Instant t, String level, String msg, String fields) {
        return "time=\"" + t.truncatedTo(ChronoUnit.MILLIS) + "\" level=" + level + " msg=\""
                + msg.replace("\"", "\\\"") + "\" " + fields;
    }
}
