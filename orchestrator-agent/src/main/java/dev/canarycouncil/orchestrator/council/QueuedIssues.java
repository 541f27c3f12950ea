package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the issues controllers' rollbacks still owe ({@link IssueOutbox}), through whichever issue
 * writer this replica has, under the failure's claim: a writer pod that died with its queue, or one
 * that could not be reached when the verdict was given, costs a delay, not the issue. Attempts back
 * off from a minute to an hour. The writer's own marker of each analysis makes a repeated attempt
 * find its earlier issue or comment instead of filing again.
 */
public final class QueuedIssues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedIssues.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 20;

    private final Supplier<List<CouncilMember>> members;
    private final IssueOutbox outbox;
    private final IssueClaims claims;
    private final Duration deadline;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /** @param deadline how long the issue writer gets per attempt */
    public QueuedIssues(
            Supplier<List<CouncilMember>> members,
            IssueOutbox outbox,
            IssueClaims claims,
            Duration deadline,
            Clock clock) {
        this.members = members;
        this.outbox = outbox;
        this.claims = claims;
        this.deadline = deadline;
        this.clock = clock;
        this.timer = DaemonThreads.scheduler("queued-issues");
    }

    public QueuedIssues start(Duration every) {
        timer.scheduleWithFixedDelay(this::fileQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round over the owed issues that are due; returns how many GitHub now has. */
    public int fileDue() throws InterruptedException {
        int settled = 0;
        for (IssueOutbox.Owed owed : outbox.due(clock.instant(), BATCH)) {
            String id = owed.verdict().analysisId();
            Optional<CouncilMember> writer = Council.issueWriter(members.get());
            if (writer.isEmpty()) {
                outbox.notYet(id, "no issue writer available", next(owed));
                continue;
            }
            IssueRequest request = new IssueRequest(owed.request(), owed.verdict(), null, IssueFiling.FILE);
            AtomicReference<String> problem = new AtomicReference<>("");
            Verdict filed = claims.filing(owed.fingerprint(), id, deadline.plusSeconds(30), () -> {
                IssueWriterCall.Outcome answer = IssueWriterCall.ask(writer.get(), request, deadline, Progress.NONE);
                problem.set(answer.problem());
                return answer.draft().map(owed.verdict()::withIssue).orElse(owed.verdict());
            });
            IssueDraft issue = filed.issue();
            if (issue != null && issue.onGitHub()) {
                outbox.settled(id, issue, clock.instant());
                settled++;
            } else {
                outbox.notYet(
                        id,
                        problem.get().isEmpty() && issue != null
                                ? issue.state() + (issue.detail() == null ? "" : ": " + issue.detail())
                                : problem.get(),
                        next(owed));
            }
        }
        return settled;
    }

    private Instant next(IssueOutbox.Owed owed) {
        long minutes = Math.min(LONGEST_WAIT.toMinutes(), 1L << Math.min(owed.attempts(), 6));
        return clock.instant().plus(Duration.ofMinutes(minutes));
    }

    private void fileQuietly() {
        try {
            int settled = fileDue();
            if (settled > 0) {
                LOG.info("{} owed remediation issue(s) are on GitHub now", settled);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("owed issues not filed this round: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
