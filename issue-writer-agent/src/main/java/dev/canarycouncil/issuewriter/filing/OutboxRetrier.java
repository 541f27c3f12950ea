package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the outbox's drafts once GitHub is back, on a single background thread: oldest first,
 * each when its backoff has passed, and nothing at all before a rate limit's reset. Stops while
 * the filer is blocked (a rejected token), since every attempt would fail the same way.
 */
final class OutboxRetrier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetrier.class);

    /** What the retrier needs from the filer. */
    interface Filer {

        /**
         * One more try at a due draft.
         *
         * @return when GitHub allows the next request (a rate limit), or null to go on
         */
        Instant retry(PendingIssue pending);

        /** True while no attempt can succeed until the configuration changes. */
        boolean blocked();
    }

    private final Outbox outbox;
    private final Clock clock;
    private final Filer filer;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> scheduled;
    private Instant scheduledAt;
    private Instant notBefore;

    OutboxRetrier(Outbox outbox, Clock clock, Filer filer) {
        this.outbox = outbox;
        this.clock = clock;
        this.filer = filer;
        this.scheduler = DaemonThreads.scheduler("issue-outbox-retrier");
    }

    /** Makes sure the outbox is looked at no later than {@code at}. */
    synchronized void wakeAt(Instant at) {
        if (scheduler.isShutdown()) {
            return;
        }
        Instant when = notBefore != null && notBefore.isAfter(at) ? notBefore : at;
        if (scheduled != null && !scheduled.isDone() && !scheduledAt.isAfter(when)) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        scheduledAt = when;
        scheduled = scheduler.schedule(this::runDue, delay, TimeUnit.MILLISECONDS);
    }

    private void runDue() {
        try {
            if (filer.blocked()) {
                return;
            }
            for (PendingIssue pending : outbox.pending()) {
                if (pending.held() || pending.nextAttemptAt().isAfter(clock.instant())) {
                    continue;
                }
                Instant limitedUntil = filer.retry(pending);
                if (limitedUntil != null) {
                    synchronized (this) {
                        notBefore = limitedUntil;
                    }
                    break;
                }
                if (filer.blocked() || Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // A bug must not end the retrier: the drafts are still on disk and the next run retries them.
            LOG.error("Issue outbox retry round failed: {}", e.toString());
        } finally {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        if (filer.blocked()) {
            return;
        }
        List<PendingIssue> waiting =
                outbox.pending().stream().filter(p -> !p.held()).toList();
        waiting.stream()
                .map(PendingIssue::nextAttemptAt)
                .min(Comparator.naturalOrder())
                .ifPresent(at -> {
                    synchronized (this) {
                        scheduled = null;
                        wakeAt(at);
                    }
                });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
