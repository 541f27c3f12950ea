package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.util.List;

/** How one kind of service writes its log lines. */
interface LogStyle {

    List<String> startup(Instant t, String service, String version);

    String request(Instant t, String method, String path, int status, double latencyMs, String detail);

    String info(Instant t, String component, String message);

    String warn(Instant t, String component, String message);

    String error(Instant t, String component, String message);
}
