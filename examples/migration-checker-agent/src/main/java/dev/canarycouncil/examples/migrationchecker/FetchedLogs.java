package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.runtime.tools.ContainerLog;
import java.util.List;

/**
 * Both sides' logs, and what could not be read.
 *
 * @param notes  tool failures and cut logs, in words, for the finding's notes
 */
public record FetchedLogs(List<ContainerLog> canary, List<ContainerLog> stable, List<String> notes) {

    public FetchedLogs {
        canary = List.copyOf(canary);
        stable = List.copyOf(stable);
        notes = List.copyOf(notes);
    }

    public long canaryLines() {
        return canary.stream().mapToLong(ContainerLog::lineCount).sum();
    }

    public long stableLines() {
        return stable.stream().mapToLong(ContainerLog::lineCount).sum();
    }
}
