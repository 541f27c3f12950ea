package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A Python web app behind gunicorn: gunicorn's own start-up lines, its access log (with the
 * request time in seconds appended, {@code %(L)s}) and the app's {@code logging} output in the
 * framework's usual format. Tracebacks are raw lines a scenario adds after an error.
 */
final class PythonStyle implements PythonLogging {

    enum Framework {
        /** {@code %(asctime)s %(levelname)s [%(name)s] %(message)s}, as a typical Django LOGGING config. */
        DJANGO,
        /** Flask's default handler: {@code [%(asctime)s] %(levelname)s in %(module)s: %(message)s}. */
        FLASK
    }

    private static final DateTimeFormatter GUNICORN = DateTimeFormatter.ofPattern(
                    "'['yyyy-MM-dd HH:mm:ss Z']'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACCESS = DateTimeFormatter.ofPattern(
                    "'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String app;
    private final Framework framework;

    /** @param app the Django app / Flask package, used as logger prefix ({@code cart} gives {@code cart.views}) */
    PythonStyle(String app, Framework framework) {
        this.app = app;
        this.framework = framework;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                GUNICORN.format(t) + " [1] [INFO] Starting gunicorn 22.0.0",
                GUNICORN.format(t) + " [1] [INFO] Listening at: http://0.0.0.0:8000 (1)",
                GUNICORN.format(t) + " [1] [INFO] Using worker: gthread",
                GUNICORN.format(t.plusMillis(40)) + " [7] [INFO] Booting worker with pid: 7",
                GUNICORN.format(t.plusMillis(60)) + " [8] [INFO] Booting worker with pid: 8",
                info(t.plusMillis(1300), "apps", service + " " + version + " ready"));
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        long h = Math.abs(t.toEpochMilli() * 31 + status);
        String line = String.format(
                Locale.ROOT,
                "10.244.%d.%d - - %s \"%s %s HTTP/1.1\" %d %d \"-\" \"%s\" %.6f",
                h % 4,
                2 + h % 250,
                ACCESS.format(t),
                method,
                path,
                status,
                status >= 500 ? 145 : 280 + h % 900,
                h % 3 == 0 ? "okhttp/4.12.0" : "python-requests/2.32.3",
                latencyMs / 1000);
        return detail == null || detail.isBlank() ? line : line + " " + detail;
    }

    /** A component with a dot is already a logger name ({@code django.request}). */
    @Override
    public String line(Instant t, String level, String component, String message) {
        String logger = component.contains(".") ? component : app + "." + component;
        return switch (framework) {
            case DJANGO -> ASCTIME.format(t) + " " + level + " [" + logger + "] " + message;
            case FLASK ->
                "[" + ASCTIME.format(t) + "] " + level + " in " + logger.substring(logger.lastIndexOf('.') + 1) + ": "
                        + message;
        };
    }
}
