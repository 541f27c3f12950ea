package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Argo Rollouts demo app (argoproj/rollouts-demo): Go's standard {@code log} package with its
 * default {@code 2026/05/05 10:00:04} prefix and no levels, one line per request naming the
 * colour served ({@code GET /color 200 1.204ms "yellow"}).
 */
final class DemoAppStyle implements LogStyle {

    private static final DateTimeFormatter STD =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(STD.format(t) + " Started server on :8080");
    }

    /** The demo app logs nothing before it listens. */
    @Override
    public List<String> failedStartup(Instant t, String service, String version) {
        return List.of();
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String line = String.format(Locale.ROOT, "%s %s %s %d %.3fms", STD.format(t), method, path, status, latencyMs);
        return detail == null || detail.isBlank() ? line : line + " " + detail;
    }

    @Override
    public String info(Instant t, String component, String message) {
        return STD.format(t) + " " + message;
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return STD.format(t) + " warning: " + message;
    }

    @Override
    public String error(Instant t, String component, String message) {
        return STD.format(t) + " error: " + message;
    }
}
