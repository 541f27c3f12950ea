package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.testing.Recordings;
import java.time.Duration;

/** The council most tests start: every part in this JVM over one bundled recording, 30 s deadline, issues drafted only. */
final class RecordedCouncils {

    private RecordedCouncils() {}

    static LocalCouncil start(CouncilAssembly assembly, String recording) {
        return LocalCouncil.start(
                assembly,
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(RecordedRollout.load(Recordings.named(recording))),
                CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                IssueWriterConfig.dryRun(null, null),
                line -> {});
    }
}
