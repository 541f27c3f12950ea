package dev.canarycouncil.orchestrator.history;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store knows of one failure's issue: the analysis that filed or commented last, how that
 * ended ({@code filed}, {@code commented}, {@code queued}, …; {@code claimed} while one is filing) and where.
 */
public record IssueClaim(
        String fingerprint, String analysisId, String state, Optional<String> issueUrl, Instant updatedAt) {}
