package dev.canarycouncil.loganalyst;

import java.util.List;

/** What was collected about one side (canary or stable). */
public record SideEvidence(String side, List<PodState> pods, List<LogText> logs, List<PodEvent> events) {

    public SideEvidence {
        pods = List.copyOf(pods);
        logs = List.copyOf(logs);
        events = List.copyOf(events);
    }
}
