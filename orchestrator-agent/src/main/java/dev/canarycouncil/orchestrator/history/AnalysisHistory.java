package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.council.AnalysisListener;
import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.orchestrator.council.IssueClaims;
import dev.canarycouncil.orchestrator.council.IssueOutbox;
import dev.canarycouncil.orchestrator.council.OpenIssues;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every finished analysis in the store, off the analysing thread: the controller's answer never
 * waits for the database. While the database is down or full, analyses wait in memory (up to
 * {@value #MAX_PENDING}) and are written when it is back; retention runs hourly.
 */
public final class AnalysisHistory implements AnalysisListener, IssueClaims, OpenIssues, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisHistory.class);

    /** About a day of analyses at one a minute per rollout for a busy cluster; past it the oldest wait is given up. */
    static final int MAX_PENDING = 10_000;

    private final AnalysisStore store;
    private final OutboxRows outbox;
    private final Clock clock;
    private final Duration retryEvery;
    private final RetryTimer retries;
    private final ScheduledExecutorService writer;
    private final Deque<FinishedAnalysis> pending = new ArrayDeque<>();
    private volatile Optional<String> failure = Optional.empty();
    private long dropped;

    /** @param retryEvery how soon a failed write is tried again */
    public AnalysisHistory(AnalysisStore store, Clock clock, Duration retryEvery) {
        this.store = store;
        this.outbox = new OutboxRows(store);
        this.clock = clock;
        this.retryEvery = retryEvery;
        this.writer = DaemonThreads.scheduler("history-writer");
        this.retries = new RetryTimer(writer, retryEvery, this::drain);
        writer.scheduleWithFixedDelay(this::applyRetention, 0, 1, TimeUnit.HOURS);
    }

    /** Whether the history can be read and written now, and what is waiting. */
    public record Status(boolean available, int pending, long dropped, Optional<String> problem) {}

    @Override
    public void finished(FinishedAnalysis analysis) {
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                pending.removeFirst();
                dropped++;
            }
            pending.addLast(analysis);
        }
        writer.execute(this::drain);
    }

    /**
     * One analysis, also while it still waits to be written.
     *
     * @throws HistoryStoreException when it is not waiting and the store cannot be read
     */
    public Optional<StoredAnalysis> find(String id) {
        synchronized (pending) {
            for (FinishedAnalysis waiting : pending) {
                if (waiting.verdict().analysisId().equals(id)) {
                    return Optional.of(StoredAnalysis.of(waiting));
                }
            }
        }
        return store.find(id);
    }

    /**
     * The rollout's filed issues, read on the analysis' own thread: while the database is known to be
     * down this fails at once, so no verdict waits out a connection timeout for them.
     *
     * @throws HistoryStoreException when the store cannot be read
     */
    @Override
    public List<OpenIssue> of(String namespace, String rollout) {
        if (failure.isPresent()) {
            throw new HistoryStoreException("the history is unavailable: " + failure.get());
        }
        return store.openIssues(namespace, rollout);
    }

    /**
     * Files while holding the failure's claim in the database. A store that cannot give the claim
     * (down, or another replica's filing outlasting {@code wait}) does not stop the filing: the issue
     * writer's own look for the open issue still applies, and the verdict must not wait on the store.
     */
    @Override
    public Verdict filing(String fingerprint, String analysisId, Duration wait, Filing filing)
            throws InterruptedException {
        if (failure.isPresent()) {
            // Known down: do not make the verdict wait out a connection timeout for the claim.
            LOG.warn("analysis {} files its issue without a claim: {}", analysisId, failure.get());
            return filing.file();
        }
        AnalysisStore.IssueTurn turn;
        try {
            turn = store.claimIssue(fingerprint, analysisId, wait);
        } catch (HistoryStoreException e) {
            LOG.warn("analysis {} files its issue without a claim: {}", analysisId, e.getMessage());
            return filing.file();
        }
        try (turn) {
            Verdict filed = filing.file();
            try {
                turn.done(analysisId, Optional.ofNullable(filed.issue()));
            } catch (HistoryStoreException e) {
                LOG.warn("analysis {}: {}", analysisId, e.getMessage());
            }
            return filed;
        }
    }

    /** The issues controllers' rollbacks owe and GitHub does not have yet. */
    public IssueOutbox outbox() {
        return outbox;
    }

    public AnalysisStore store() {
        return store;
    }

    public Status status() {
        synchronized (pending) {
            return new Status(failure.isEmpty(), pending.size(), dropped, failure);
        }
    }

    /** Waits until everything handed over so far was written or failed once (for an orderly stop and for tests). */
    public void flush(Duration timeout) throws InterruptedException {
        var done = writer.submit(this::drain);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("history writes did not finish within {} ms", timeout.toMillis());
        }
    }

    private void drain() {
        while (true) {
            FinishedAnalysis next;
            synchronized (pending) {
                next = pending.peekFirst();
            }
            if (next == null) {
                return;
            }
            try {
                store.save(next);
                synchronized (pending) {
                    pending.remove(next);
                }
                if (failure.isPresent()) {
                    LOG.info(
                            "the history at {} is writable again",
                            store.settings().describe());
                    failure = Optional.empty();
                }
            } catch (HistoryStoreException | IllegalStateException e) {
                if (failure.isEmpty()) {
                    LOG.warn(
                            "{}; {} analysis(es) kept in memory, retrying every {} s",
                            e.getMessage(),
                            status().pending(),
                            retryEvery.toSeconds());
                }
                failure = Optional.of(e.getMessage());
                retries.request();
                return;
            }
        }
    }

    private void applyRetention() {
        try {
            int deleted = store.deleteDecidedBefore(
                    clock.instant().minus(store.settings().retention()));
            if (deleted > 0) {
                LOG.info(
                        "history: {} analysis(es) older than {} days deleted",
                        deleted,
                        store.settings().retention().toDays());
            }
        } catch (HistoryStoreException e) {
            LOG.warn("history retention skipped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            flush(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.shutdownNow();
        int left = status().pending();
        if (left > 0) {
            LOG.warn("{} analysis(es) could not be written to the history before stopping", left);
        }
        store.close();
    }
}
