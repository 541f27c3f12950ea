package dev.canarycouncil.launcher;

import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.recorded.RecordingException;
import dev.canarycouncil.mcp.server.ToolBackends;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --recording DIR}: answer every tool from a recorded rollout instead of a live cluster. */
final class RecordingOption {

    @Option(
            names = "--recording",
            paramLabel = "DIR",
            description = "A recorded rollout directory (rollout.json, pods.json, events.json, logs/, metrics.om); "
                    + "see evals/recordings for examples.")
    Path recording;

    boolean given() {
        return recording != null;
    }

    RecordedRollout load() {
        try {
            return RecordedRollout.load(recording);
        } catch (RecordingException e) {
            throw new UsageException("invalid recording: " + e.getMessage());
        }
    }

    static ToolBackends backends(RecordedRollout recording) {
        return ToolBackends.recorded(recording);
    }
}
