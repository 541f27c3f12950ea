package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A Rails 7 app in production behind Puma: Puma's plain start-up banner, then Ruby's Logger
 * format with a request-id tag ({@code I, [2026-05-05T10:00:07.123456 #1]  INFO -- : [id] ...}), three
 * lines per request (Started, Processing by, Completed). A message with several lines is one
 * logger call whose continuation lines start with the tag, as ActionDispatch::DebugExceptions
 * logs an unhandled exception.
 */
final class RailsStyle implements LogStyle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss '+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String controller;

    /** @param controller the controller and action requests go to, e.g. {@code OrdersController#show} */
    RailsStyle(String controller) {
        this.controller = controller;
    }

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                "=> Booting Puma",
                "=> Rails 7.1.5 application starting in production ",
                "Puma starting in single mode...",
                "* Puma version: 6.4.3 (ruby 3.3.6-p108) (\"The Eagle of Durango\")",
                "*  Environment: production",
                "* Listening on http://0.0.0.0:3000",
                "Use Ctrl-C to stop");
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        String tag = tag(t);
        String outcome = status >= 500 ? "500 Internal Server Error" : status == 404 ? "404 Not Found" : status + " OK";
        return line(
                        t,
                        'I',
                        "INFO",
                        tag,
                        "Started " + method + " \"" + path + "\" for 10.244.1." + (t.getNano() % 200 + 2) + " at "
                                + STARTED.format(t))
                + "\n"
                + line(t.plusMillis(1), 'I', "INFO", tag, "Processing by " + controller + " as JSON") + "\n"
                + line(
                        t.plusMillis(Math.round(latencyMs)),
                        'I',
                        "INFO",
                        tag,
                        String.format(
                                Locale.ROOT,
                                "Completed %s in %dms (Views: %.1fms | ActiveRecord: %.1fms | Allocations: %d)",
                                outcome,
                                Math.round(latencyMs),
                                latencyMs * 0.1,
                                latencyMs * 0.4,
                                900 + Math.round(latencyMs * 31)));
    }

    @Override
    public String info(Instant t, String component, String message) {
        return line(t, 'I', "INFO", null, message);
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return line(t, 'W', "WARN", null, message);
    }

    @Override
    public String error(Instant t, String component, String message) {
        return line(t, 'E', "ERROR", tag(t), message);
    }

    @Override
    public String debug(Instant t, String component, String message) {
        return line(t, 'D', "DEBUG", null, message);
    }

    /** An unhandled exception, as DebugExceptions logs it: one FATAL call over several tagged lines. */
    @Override
    public String fatal(Instant t, String component, String message) {
        String tag = tag(t);
        return line(t, 'F', "FATAL", tag, "  \n" + message);
    }

    private static String tag(Instant t) {
        long h = Math.abs(t.toEpochMilli() * 2654435761L);
        return String.format(
                Locale.ROOT,
                "%08x-%04x-4%03x-a%03x-%012x",
                h & 0xffffffffL,
                (h >> 8) & 0xffff,
                (h >> 12) & 0xfff,
                (h >> 20) & 0xfff,
                h & 0xffffffffffffL);
    }

    private static String line(Instant t, char letter, String level, String tag, String message) {
        String prefix = tag == null ? "" : "[" + tag + "] ";
        String body = tag == null ? message : message.replace("\n", "\n" + prefix);
        return String.format(Locale.ROOT, "%c, [%s #1] %5s -- : %s%s", letter, TIME.format(t), level, prefix, body);
    }
}
