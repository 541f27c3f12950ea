package dev.canarycouncil.loganalyst;

import java.util.List;

/** Both sides' evidence, and what could not be collected. */
public record CollectedLogs(SideEvidence canary, SideEvidence stable, List<String> notes) {

    public CollectedLogs {
        notes = List.copyOf(notes);
    }
}
