package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows analysed Argo canaries to their end: every minute, each rollout with analyses awaiting an
 * outcome is read once, and what it shows (promoted, aborted, rolled back by hand, superseded) is
 * kept with those analyses. A canary still under way is read again next time; one that shows
 * nothing within {@link #FOLLOWED} is left without an outcome.
 */
public final class OutcomeTracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeTracker.class);
    /** A canary step rarely outlasts a day; past it the analysis is no longer followed. */
    static final Duration FOLLOWED = Duration.ofDays(1);

    private static final int BATCH = 500;

    /** Reads a rollout's status now; empty when the rollout no longer exists. */
    @FunctionalInterface
    public interface RolloutStatuses {
        /** @throws RuntimeException when the cluster cannot be read now (tried again next round) */
        Optional<RolloutOutcome.RolloutStatus> status(String namespace, String rollout);
    }

    private final AnalysisStore store;
    private final RolloutStatuses statuses;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public OutcomeTracker(AnalysisStore store, RolloutStatuses statuses, Clock clock) {
        this.store = store;
        this.statuses = statuses;
        this.clock = clock;
        this.timer = DaemonThreads.scheduler("outcome-tracker");
    }

    /** Starts following, once every {@code every}. */
    public OutcomeTracker start(Duration every) {
        timer.scheduleWithFixedDelay(this::checkQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round: reads each awaiting rollout once; returns how many analyses got their outcome. */
    public int check() {
        Instant now = clock.instant();
        List<AnalysisStore.AwaitingOutcome> awaiting = store.awaitingOutcome(now.minus(FOLLOWED), BATCH);
        Map<String, Optional<RolloutOutcome.RolloutStatus>> read = new HashMap<>();
        int settled = 0;
        for (AnalysisStore.AwaitingOutcome a : awaiting) {
            String key = a.namespace() + "/" + a.rollout();
            Optional<RolloutOutcome.RolloutStatus> status;
            try {
                status = read.computeIfAbsent(key, k -> statuses.status(a.namespace(), a.rollout()));
            } catch (RuntimeException e) {
                LOG.debug("rollout {} cannot be read now: {}", key, e.getMessage());
                continue;
            }
            if (status.isEmpty()) {
                continue; // deleted: nothing more will be learnt
            }
            Optional<RolloutOutcome.Observed> observed =
                    RolloutOutcome.of(a.canaryHash(), a.stableHash(), status.get());
            if (observed.isPresent()) {
                store.recordOutcome(a.id(), observed.get(), now);
                settled++;
            }
        }
        return settled;
    }

    private void checkQuietly() {
        try {
            int settled = check();
            if (settled > 0) {
                LOG.info("history: the outcome of {} analysed canary(ies) is known", settled);
            }
        } catch (HistoryStoreException e) {
            LOG.warn("outcomes not followed this round: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("outcomes not followed this round", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
