package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An Express app logging requests with morgan's {@code combined} format and everything else with
 * plain {@code console.log}/{@code console.error}: no timestamp, no level. Error stacks a scenario
 * adds are printed bare, as Express's default error handler does.
 */
final class NodeExpressStyle implements LogStyle {

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(
                service + " " + version + " starting (NODE_ENV=production, node v20.11.1)",
                service + " listening on port 3000");
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        long h = Math.abs(t.toEpochMilli() * 31 + status);
        return String.format(
                Locale.ROOT,
                "::ffff:10.244.%d.%d - - [%s] \"%s %s HTTP/1.1\" %d %d \"-\" \"%s\"",
                h % 4,
                2 + h % 250,
                CLF.format(t),
                method,
                path,
                status,
                status >= 500 ? 148 : 300 + h % 700,
                h % 3 == 0
                        ? "axios/1.6.5"
                        : "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0");
    }

    @Override
    public String info(Instant t, String component, String message) {
        return message;
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return message;
    }

    @Override
    public String error(Instant t, String component, String message) {
        return message;
    }
}
