package dev.canarycouncil.orchestrator.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the history holds, for the page and the API.
 *
 * @param sizeBytes the database's size on disk as the database reports it; empty where it cannot say
 */
public record HistoryStats(
        String database, long analyses, Optional<Instant> oldest, Duration retention, Optional<Long> sizeBytes) {}
