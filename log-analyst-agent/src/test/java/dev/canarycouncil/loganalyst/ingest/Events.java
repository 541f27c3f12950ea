package dev.canarycouncil.loganalyst.ingest;

import java.util.ArrayList;
import java.util.List;

/** Test helper: a text as the records a canary pod's log would yield. */
public final class Events {

    private Events() {}

    public static List<LogEvent> assemble(String text) {
        List<LogEvent> events = new ArrayList<>();
        EventAssembler a = new EventAssembler(Side.CANARY, "pod/app", 200, events::add);
        text.lines().forEach(a::accept);
        a.finish();
        return events;
    }
}
