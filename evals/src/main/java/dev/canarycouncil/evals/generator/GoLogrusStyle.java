package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** A Go service logging with logrus' text formatter, like the Argo Rollouts demo app. */
final class GoLogrusStyle implements LogStyle {

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                line(t, "info", "starting " + service, "version=" + version + " go=go1.22.4"),
                line(t, "info", "listening", "addr=\":8080\""));
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String level = status >= 500 ? "error" : "info";
        String extra = String.format(Locale.ROOT, "method=%s path=%s status=%d duration=%.3fms", method, path, status, latencyMs);
        return line(t, level, status >= 500 ? "request failed" : "request served",
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

    private static String line(Instant t, String level, String msg, String fields) {
        return "time=\"" + t.truncatedTo(ChronoUnit.MILLIS) + "\" level=" + level + " msg=\"" + msg + "\" " + fields;
    }
}
