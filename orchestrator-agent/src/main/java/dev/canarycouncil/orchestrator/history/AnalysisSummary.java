package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.schema.Decision;
import java.time.Instant;
import java.util.Optional;

/** One line of the history: the target, who asked, the decision and the issue, without the evidence. */
public record AnalysisSummary(
        String id,
        String namespace,
        String rollout,
        String canaryHash,
        String stableHash,
        Requester requester,
        Instant startedAt,
        Instant decidedAt,
        long durationMs,
        Decision decision,
        int confidence,
        String mode,
        Optional<String> issueTitle,
        Optional<String> issueUrl) {}
