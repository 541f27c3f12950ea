package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** A Spring Boot 3 service with its default console log pattern. */
final class SpringBootStyle implements LogStyle {

    private final String basePackage;
    private final String javaVersion;

    SpringBootStyle(String basePackage) {
        this(basePackage, "21.0.3");
    }

    /**
     * @param basePackage the abbreviated package of the app's loggers, e.g. {@code c.e.reports}
     * @param javaVersion the runtime the start-up banner names (a benign difference between images)
     */
    SpringBootStyle(String basePackage, String javaVersion) {
        this.basePackage = basePackage;
        this.javaVersion = javaVersion;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                line(
                        t,
                        "INFO",
                        "main",
                        basePackage + ".Application",
                        "Starting Application v" + version + " using Java " + javaVersion
                                + " with PID 1 (/app/app.jar started by app in /app)"),
                line(
                        t.plusMillis(900),
                        "INFO",
                        "main",
                        "o.s.b.w.embedded.tomcat.TomcatWebServer",
                        "Tomcat initialized with port 8080 (http)"),
                line(
                        t.plusMillis(2400),
                        "INFO",
                        "main",
                        basePackage + ".Application",
                        "Started Application in 3.12 seconds (process running for 3.6)"));
    }

    /** A context that fails to refresh gets as far as Tomcat's initialisation. */
    @Override
    public List<String> failedStartup(Instant t, String service, String version) {
        return startup(t, service, version).subList(0, 2);
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String msg = String.format(Locale.ROOT, "%s %s -> %d in %dms", method, path, status, Math.round(latencyMs));
        return line(
                t,
                status >= 500 ? "ERROR" : "INFO",
                "http-nio-8080-exec-" + (1 + (int) (latencyMs * 7) % 10),
                basePackage + ".web.RequestLogFilter",
                detail == null ? msg : msg + " " + detail);
    }

    @Override
    public String info(Instant t, String component, String message) {
        return line(t, "INFO", "scheduling-1", logger(component), message);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return line(t, "WARN", "scheduling-1", logger(component), message);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return line(t, "ERROR", "http-nio-8080-exec-2", logger(component), message);
    }

    @Override
    public String debug(Instant t, String component, String message) {
        return line(t, "DEBUG", "http-nio-8080-exec-4", logger(component), message);
    }

    /** Start-up failures are reported on the main thread. */
    @Override
    public String fatal(Instant t, String component, String message) {
        return line(t, "ERROR", "main", logger(component), message);
    }

    /** Start-up runs on the main thread. */
    @Override
    public String startupNote(Instant t, LogNote note) {
        String level = switch (note.level()) {
            case FATAL -> "ERROR";
            default -> note.level().name();
        };
        return line(t, level, "main", logger(note.component()), note.message());
    }

    /** A component with a dot is already a logger name (e.g. Tomcat's dispatcherServlet logger). */
    private String logger(String component) {
        return component.contains(".") ? component : basePackage + "." + component;
    }

    private static String line(Instant t, String level, String thread, String logger, String msg) {
        return String.format(
                Locale.ROOT,
                "%s %5s 1 --- [%15s] %-40s : %s",
                t.truncatedTo(ChronoUnit.MILLIS),
                level,
                thread,
                logger,
                msg);
    }
}
