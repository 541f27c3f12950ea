package dev.canarycouncil.loganalyst;

import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import java.util.List;

/** What was collected about one side (canary or stable). */
public record SideEvidence(String side, List<PodInfo> pods, List<ContainerLog> logs, List<EventInfo> events) {

    public SideEvidence {
        pods = List.copyOf(pods);
        logs = List.copyOf(logs);
        events = List.copyOf(events);
    }
}
