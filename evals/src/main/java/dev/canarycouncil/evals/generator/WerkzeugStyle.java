package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A Flask app on Werkzeug's server, as many small internal services run it: Werkzeug's start-up
 * banner, its access lines ({@code 10.244.1.9 - - [05/May/2026 10:00:07] "GET /x HTTP/1.1" 200 -}), and
 * Flask's default app log format ({@code [2026-05-05 10:00:07,123] ERROR in app: ...}).
 */
final class WerkzeugStyle implements PythonLogging {

    private static final DateTimeFormatter ACCESS =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                " * Serving Flask app 'app'",
                " * Debug mode: off",
                "WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.",
                " * Running on all addresses (0.0.0.0)",
                " * Running on http://127.0.0.1:5000",
                " * Running on http://10.244.1.17:5000",
                "Press CTRL+C to quit");
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        long h = Math.abs(t.toEpochMilli() * 31 + status);
        return String.format(
                Locale.ROOT,
                "10.244.%d.%d - - [%s] \"%s %s HTTP/1.1\" %d -",
                h % 4,
                2 + h % 250,
                ACCESS.format(t),
                method,
                path,
                status);
    }

    @Override
    public String line(Instant t, String level, String module, String message) {
        return "[" + ASCTIME.format(t) + "] " + level + " in " + module + ": " + message;
    }
}
