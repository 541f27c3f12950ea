package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** A Spring Boot 3 service with its default console log pattern. */
final class SpringBootStyle implements LogStyle {

    private final String basePackage;

    SpringBootStyle(String basePackage) {
        this.basePackage = basePackage;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                line(t, "INFO", "main", "c.e." + service + ".Application", "Starting Application v" + version
                        + " using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)"),
                line(t.plusMillis(900), "INFO", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer",
                        "Tomcat initialized with port 8080 (http)"),
                line(t.plusMillis(2400), "INFO", "main", "c.e." + service + ".Application",
                        "Started Application in 3.12 seconds (process running for 3.6)"));
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String msg = String.format(Locale.ROOT, "%s %s -> %d in %dms", method, path, status, Math.round(latencyMs));
        return line(t, status >= 500 ? "ERROR" : "INFO", "http-nio-8080-exec-" + (1 + (int) (latencyMs * 7) % 10),
                basePackage + ".web.RequestLogFilter", detail == null ? msg : msg + " " + detail);
    }

    @Override
    public String info(Instant t, String component, String message) {
        return line(t, "INFO", "scheduling-1", basePackage + "." + component, message);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return line(t, "WARN", "scheduling-1", basePackage + "." + component, message);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return line(t, "ERROR", "http-nio-8080-exec-2", basePackage + "." + component, message);
    }

    private static String line(Instant t, String level, String thread, String logger, String msg) {
        return String.format(Locale.ROOT, "%s %5s 1 --- [%15s] %-40s : %s",
                t.truncatedTo(ChronoUnit.MILLIS), level, thread, logger, msg);
    }
}
