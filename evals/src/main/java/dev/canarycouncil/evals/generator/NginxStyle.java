package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The official nginx image: docker-entrypoint lines, the error log ({@code 2026/05/05 10:00:04
 * [notice] 1#1: ...}) and the combined access log with request and upstream times appended
 * ({@code rt=$request_time uct=$upstream_connect_time urt=$upstream_response_time}).
 */
final class NginxStyle implements LogStyle {

    private static final DateTimeFormatter ERROR_LOG =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACCESS = DateTimeFormatter.ofPattern(
                    "'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
        "okhttp/4.12.0"
    };

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
                "20-envsubst-on-templates.sh: Running envsubst on /etc/nginx/templates/default.conf.template to /etc/nginx/conf.d/default.conf",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/40-release.sh",
                "40-release.sh: " + service + " " + version,
                "/docker-entrypoint.sh: Configuration complete; ready for start up",
                errorLog(t, "notice", "1#1: using the \"epoll\" event method"),
                errorLog(t, "notice", "1#1: nginx/1.27.0"),
                errorLog(t, "notice", "1#1: start worker processes"),
                errorLog(t, "notice", "1#1: start worker process 29"),
                errorLog(t, "notice", "1#1: start worker process 30"));
    }

    @Override
    public List<String> failedStartup(Instant t, String service, String version) {
        return startup(t, service, version).subList(0, 7);
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        long h = Math.abs(t.toEpochMilli() * 17 + status);
        double rt = latencyMs / 1000;
        String line = String.format(
                Locale.ROOT,
                "10.244.%d.%d - - %s \"%s %s HTTP/1.1\" %d %d \"https://shop.example.com/\" \"%s\" rt=%.3f uct=%.3f urt=%.3f",
                h % 4,
                2 + h % 250,
                ACCESS.format(t),
                method,
                path,
                status,
                status >= 500 ? 157 : 900 + h % 4000,
                AGENTS[(int) (h % AGENTS.length)],
                rt,
                Math.min(rt, 0.001),
                Math.max(0, rt - 0.001));
        return detail == null || detail.isBlank() ? line : line + " " + detail;
    }

    @Override
    public String info(Instant t, String component, String message) {
        return errorLog(t, "notice", worker(t) + message);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return errorLog(t, "warn", worker(t) + message);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return errorLog(t, "error", worker(t) + message);
    }

    @Override
    public String debug(Instant t, String component, String message) {
        return errorLog(t, "info", worker(t) + message);
    }

    @Override
    public String fatal(Instant t, String component, String message) {
        return errorLog(t, "emerg", "1#1: " + message);
    }

    /** The worker pid and connection number nginx puts before a message, e.g. {@code 29#29: *1834 }. */
    private static String worker(Instant t) {
        long pid = 29 + t.toEpochMilli() % 2;
        return pid + "#" + pid + ": *" + (1000 + t.toEpochMilli() / 1000 % 9000) + " ";
    }

    private static String errorLog(Instant t, String level, String message) {
        return ERROR_LOG.format(t) + " [" + level + "] " + message;
    }
}
