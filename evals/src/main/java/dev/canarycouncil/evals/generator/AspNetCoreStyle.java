package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An ASP.NET Core service with the default console logger (the Simple formatter without
 * timestamps): a {@code info: Category[eventId]} line, then the message indented by six spaces;
 * request lines from the hosting diagnostics ({@code Microsoft.AspNetCore} at Information).
 */
final class AspNetCoreStyle implements LogStyle {

    private static final String INDENT = "      ";

    private final String app;

    /** @param app the root namespace of the app's categories, e.g. {@code Shop.Cart} */
    AspNetCoreStyle(String app) {
        this.app = app;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                entry("info", "Microsoft.Hosting.Lifetime[14]", "Now listening on: http://[::]:8080"),
                entry("info", "Microsoft.Hosting.Lifetime[0]", "Application started. Press Ctrl+C to shut down."),
                entry("info", "Microsoft.Hosting.Lifetime[0]", "Hosting environment: Production"),
                entry("info", "Microsoft.Hosting.Lifetime[0]", "Content root path: /app"),
                entry("info", app + ".Program[0]", service + " " + version + " started"));
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String line = String.format(
                Locale.ROOT,
                "Request finished HTTP/1.1 %s http://%s%s - %d - application/json;+charset=utf-8 %.4fms",
                method,
                "api.internal:8080",
                path,
                status,
                latencyMs);
        return entry(
                "info",
                "Microsoft.AspNetCore.Hosting.Diagnostics[2]",
                detail == null || detail.isBlank() ? line : line + " " + detail);
    }

    @Override
    public String info(Instant t, String component, String message) {
        return entry("info", category(component), message);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return entry("warn", category(component), message);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return entry("fail", category(component), message);
    }

    @Override
    public String debug(Instant t, String component, String message) {
        return entry("dbug", category(component), message);
    }

    @Override
    public String fatal(Instant t, String component, String message) {
        return entry("crit", category(component), message);
    }

    /** A component with a dot and an event id is already a category ({@code Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]}). */
    private String category(String component) {
        return component.endsWith("]") ? component : app + "." + component + "[0]";
    }

    private static String entry(String level, String category, String message) {
        return level + ": " + category + "\n" + INDENT + message.replace("\n", "\n" + INDENT);
    }
}
