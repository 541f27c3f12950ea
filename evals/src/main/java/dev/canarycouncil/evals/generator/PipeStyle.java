package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A home-made log format no library writes: pipe-separated fields, no timestamp, no level word
 * ({@code billing-bridge|req|POST /bridge/invoice|st=200|ms=24}). What a log analyst cannot read.
 */
final class PipeStyle implements LogStyle {

    @Override
    public List<String> startup(Instant t, String service, String version) {
        return List.of(service + "|boot|v" + version, service + "|listen|0.0.0.0:7001");
    }

    @Override
    public String request(Instant t, String method, String path, int status, double latencyMs, String detail) {
        return String.format(Locale.ROOT, "bridge|req|%s %s|st=%d|ms=%d", method, path, status, Math.round(latencyMs));
    }

    @Override
    public String info(Instant t, String component, String message) {
        return "bridge|" + component + "|" + message;
    }

    @Override
    public String warn(Instant t, String component, String message) {
        return "bridge|" + component + "|!" + message;
    }

    @Override
    public String error(Instant t, String component, String message) {
        return "bridge|" + component + "|!!" + message;
    }
}
