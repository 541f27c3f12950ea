package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A Rust service on tokio and axum logging with tracing-subscriber's default full format, without
 * colour: {@code 2026-05-05T10:00:07.123456Z  INFO pricing::http: request completed status=200}.
 */
final class RustTracingStyle implements LogStyle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String crate;

    RustTracingStyle(String crate) {
        this.crate = crate;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                line(t, "INFO", crate, "starting " + service + " version=" + version),
                line(t.plusMillis(35), "INFO", crate + "::db", "connection pool ready max_connections=10"),
                line(t.plusMillis(52), "INFO", crate + "::http", "listening addr=0.0.0.0:8080"));
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        return line(
                t,
                status >= 500 ? "ERROR" : "INFO",
                crate + "::http",
                String.format(
                        Locale.ROOT,
                        "request{method=%s uri=%s}: %s status=%d latency_ms=%d",
                        method,
                        path,
                        status >= 500 ? "response failed" : "finished processing request",
                        status,
                        Math.round(latencyMs)));
    }

    @Override
    public String info(Instant t, String component, String message) {
        return line(t, "INFO", crate + "::" + component, message);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return line(t, "WARN", crate + "::" + component, message);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return line(t, "ERROR", crate + "::" + component, message);
    }

    @Override
    public String debug(Instant t, String component, String message) {
        return line(t, "DEBUG", crate + "::" + component, message);
    }

    private static String line(Instant t, String level, String target, String message) {
        return String.format(Locale.ROOT, "%s %5s %s: %s", TIME.format(t), level, target, message);
    }
}
