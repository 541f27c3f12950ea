package dev.canarycouncil.evals.generator;

import java.time.Instant;
import java.util.List;

/** How one kind of service writes its log lines. */
interface LogStyle {

    List<String> startup(Instant t, String service, String version);

    /**
     * What a process that dies during start-up (bad configuration) prints before the error:
     * the start-up lines up to, not including, "listening".
     */
    default List<String> failedStartup(Instant t, String service, String version) {
        return startup(t, service, version).subList(0, 1);
    }

    String request(Instant t, String method, String path, int status, double latencyMs, String detail);

    String info(Instant t, String component, String message);

    String warn(Instant t, String component, String message);

    String error(Instant t, String component, String message);

    /** Styles without a debug level log debug notes as info. */
    default String debug(Instant t, String component, String message) {
        return info(t, component, message);
    }

    /** Styles without a fatal level log fatal notes as errors. */
    default String fatal(Instant t, String component, String message) {
        return error(t, component, message);
    }

    /** A note logged while the process starts (most styles log it like any other). */
    default String startupNote(Instant t, LogNote note) {
        return note(t, note, note.message());
    }

    default String note(Instant t, LogNote note, String message) {
        return switch (note.level()) {
            case DEBUG -> debug(t, note.component(), message);
            case INFO -> info(t, note.component(), message);
            case WARN -> warn(t, note.component(), message);
            case ERROR -> error(t, note.component(), message);
            case FATAL -> fatal(t, note.component(), message);
        };
    }
}
