package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Duration;
import java.util.function.Consumer;

/** Asks a running orchestrator for a verdict over A2A, streaming its progress. */
final class AnalysisClient {

    private AnalysisClient() {}

    static Verdict analyze(String orchestratorUrl, AnalysisTarget target, Duration timeout, Consumer<String> progress)
            throws InterruptedException {
        try (OrchestratorSession session = OrchestratorSession.connect(orchestratorUrl, timeout)) {
            return session.analyze(target, progress);
        }
    }
}
