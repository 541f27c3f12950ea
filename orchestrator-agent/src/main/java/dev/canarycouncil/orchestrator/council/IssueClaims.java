package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Duration;

/**
 * Takes turns filing one failure's issue. Replicas of the coordinator that judge the same broken
 * canary at the same moment would each find no open issue and each file one; holding the failure's
 * claim while the issue writer files makes the later one find the earlier's issue and comment on it.
 */
@FunctionalInterface
public interface IssueClaims {

    /** For a coordinator that files alone: the issue writer's own look for an open issue suffices. */
    IssueClaims NONE = (fingerprint, analysisId, wait, filing) -> filing.file();

    /**
     * Files while holding the failure's claim; never fails for want of a claim (the filing goes ahead
     * unclaimed, with a warning), because the verdict must not wait on the store.
     *
     * @param fingerprint the failure's {@link dev.canarycouncil.runtime.schema.FailureFingerprint}
     * @param wait        how long to wait for another replica's filing of the same failure
     */
    Verdict filing(String fingerprint, String analysisId, Duration wait, Filing filing) throws InterruptedException;

    /** Asks the issue writer; returns the verdict with its issue. */
    @FunctionalInterface
    interface Filing {
        Verdict file() throws InterruptedException;
    }
}
