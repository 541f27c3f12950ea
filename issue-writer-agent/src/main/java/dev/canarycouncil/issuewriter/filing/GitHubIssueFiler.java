package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.github.GitHubTransport;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.IssueLookup;
import dev.canarycouncil.runtime.schema.IssueUpdate;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files drafts as GitHub issues, one open issue per failure: a new occurrence of a failure that
 * already has an open issue becomes a comment on it. Nothing is lost: every draft waits in the
 * {@link Outbox} until GitHub confirmed it, and an outage or a rate limit leaves it there for the
 * {@link OutboxRetrier}, also across restarts. Nothing is filed twice: each attempt looks for its
 * own earlier work first ({@link GitHubIssues}). A rejected token stops filing (the drafts stay
 * on disk) instead of retrying forever.
 */
public final class GitHubIssueFiler implements IssueFiler {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubIssueFiler.class);
    /** How long a caller waits for a background retry of the same failure before queueing behind it. */
    private static final long LOCK_WAIT_SECONDS = 5;

    private final GitHubFilingConfig config;
    private final Clock clock;
    private final Outbox outbox;
    private final GitHub github;
    private final IssueLookups lookups;
    private final Map<String, GitHubIssues> issues = new ConcurrentHashMap<>();
    private final Backoff backoff;
    private final Redactor redactor = new Redactor();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final OutboxRetrier retrier;
    private volatile String blocked;

    public GitHubIssueFiler(GitHubFilingConfig config) {
        this(config, Clock.systemUTC());
    }

    GitHubIssueFiler(GitHubFilingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.outbox = new Outbox(config.outboxDir());
        this.github = connect(config, clock);
        this.lookups = new IssueLookups(
                github,
                config.repository(),
                new IssueTimeline(config.apiUrl(), config.token(), config.requestTimeout()));
        this.backoff = new Backoff(config.retryBase(), config.retryCap());
        this.retrier = new OutboxRetrier(outbox, clock, new OutboxRetrier.Filer() {
            @Override
            public Instant retry(PendingIssue pending) {
                return retryInBackground(pending);
            }

            @Override
            public boolean blocked() {
                return blocked != null;
            }
        });
    }

    private static GitHub connect(GitHubFilingConfig config, Clock clock) {
        try {
            return new GitHubBuilder()
                    .withEndpoint(config.apiUrl())
                    .withOAuthToken(config.token())
                    .withConnector(new GitHubTransport(config.requestTimeout()))
                    .withRateLimitHandler(RateLimitHandlers.primary(clock))
                    .withAbuseLimitHandler(RateLimitHandlers.secondary(clock))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot set up the GitHub client for " + config.apiUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Picks up the drafts an earlier run left in the outbox (held ones get one more try, as the
     * token may have been fixed) and starts retrying them in the background.
     */
    public GitHubIssueFiler start() {
        List<PendingIssue> pending = outbox.pending();
        for (PendingIssue p : pending) {
            if (p.held()) {
                keep(p.released());
            }
        }
        if (!pending.isEmpty()) {
            LOG.info(
                    "{} issue draft(s) waiting in {}; filing them in {}",
                    pending.size(),
                    outbox.dir(),
                    config.repository());
            retrier.wakeAt(clock.instant());
        }
        return this;
    }

    /** The drafts waiting for GitHub, oldest first. */
    public List<PendingIssue> pending() {
        return outbox.pending();
    }

    public Outbox outbox() {
        return outbox;
    }

    @Override
    public List<IssueUpdate> report(FixReport report, Progress progress) {
        if (blocked != null) {
            return report.verdict().verifications().stream()
                    .map(v -> new IssueUpdate(v.issueUrl(), "skipped", "not reported: " + blocked))
                    .toList();
        }
        List<IssueUpdate> updates = new FixReporter(github, config.repository()).report(report);
        updates.forEach(u -> progress.report(u.issueUrl() + ": " + u.action() + " (" + u.detail() + ")"));
        return updates;
    }

    @Override
    public IssueLinks lookup(IssueLookup question, Progress progress) {
        if (blocked != null) {
            return IssueLinks.unread("the rollout's issues on GitHub were not read: " + blocked);
        }
        progress.report("reading the remediation issues of " + question.namespace() + "/" + question.rollout()
                + " and their pull requests on GitHub");
        IssueLinks links = lookups.lookup(question);
        links.notes().forEach(progress::report);
        return links;
    }

    @Override
    public IssueDraft file(IssueDraft draft, String analysisId, Progress progress) {
        IssueDraft labelled = config.labels().isEmpty() ? draft : draft.withLabels(config.labels());
        PendingIssue pending = PendingIssue.of(analysisId, labelled, clock.instant());
        // Written before the first attempt: if the process dies mid-request, the next start files it.
        String notKept = keep(pending);
        ReentrantLock lock = lockFor(pending);
        if (!tryLock(lock)) {
            if (notKept != null) {
                String message =
                        "another filing of the same failure is under way and the draft could not be kept for later ("
                                + notKept + ")";
                progress.report("not filed: " + message);
                return labelled.withOutcome(null, "failed", message);
            }
            retrier.wakeAt(clock.instant());
            return queued(
                    labelled,
                    progress,
                    "another filing of the same failure is under way: queued",
                    "another filing of the same failure is under way",
                    pending);
        }
        try {
            Attempt attempt = attempt(pending);
            if (attempt.outcome() != null) {
                progress.report(attempt.outcome().detail());
                return labelled.withOutcome(
                        attempt.outcome().url(),
                        attempt.outcome().state(),
                        attempt.outcome().detail());
            }
            GitHubFailure failure = attempt.failure();
            if (notKept != null) {
                String message =
                        failure.message() + "; the draft could not be kept for a retry either (" + notKept + ")";
                progress.report("not filed: " + message);
                return labelled.withOutcome(null, "failed", message);
            }
            if (failure.retryable()) {
                retrier.wakeAt(attempt.pending().nextAttemptAt());
                return queued(
                        labelled,
                        progress,
                        failure.kind() == GitHubFailure.Kind.RATE_LIMITED
                                ? "GitHub rate limit reached: queued for retry"
                                : "GitHub unavailable: queued for retry",
                        failure.message(),
                        attempt.pending());
            }
            String message = failure.message() + "; the draft is kept in " + outbox.fileOf(pending);
            progress.report("not filed: " + message);
            return labelled.withOutcome(null, "failed", message);
        } finally {
            lock.unlock();
        }
    }

    private IssueDraft queued(IssueDraft draft, Progress progress, String report, String why, PendingIssue pending) {
        progress.report(report);
        return draft.withOutcome(
                null,
                "queued",
                why + ": queued for retry at " + pending.nextAttemptAt() + " ("
                        + outbox.fileOf(pending).getFileName() + ")");
    }

    /** @return the rate limit's end when GitHub asked to wait, else null */
    private Instant retryInBackground(PendingIssue candidate) {
        ReentrantLock lock = lockFor(candidate);
        if (!lock.tryLock()) {
            return null; // a caller is filing it right now
        }
        try {
            // The caller may have filed it since the retrier listed the outbox.
            PendingIssue pending =
                    outbox.get(candidate.fingerprint(), candidate.analysisId()).orElse(null);
            if (pending == null || pending.held()) {
                return null;
            }
            Attempt attempt = attempt(pending);
            if (attempt.outcome() != null) {
                LOG.info(
                        "Issue draft for analysis {} {} in {}: {}",
                        pending.analysisId(),
                        attempt.outcome().detail(),
                        repositoryOf(pending),
                        attempt.outcome().url());
                return null;
            }
            return attempt.failure().kind() == GitHubFailure.Kind.RATE_LIMITED
                    ? attempt.pending().nextAttemptAt()
                    : null;
        } finally {
            lock.unlock();
        }
    }

    private record Attempt(FilingOutcome outcome, GitHubFailure failure, PendingIssue pending) {}

    /** One try; leaves the outbox as the outcome calls for. The caller holds the fingerprint's lock. */
    private Attempt attempt(PendingIssue pending) {
        try {
            FilingOutcome outcome = issuesIn(repositoryOf(pending)).file(pending.draft(), pending.analysisId());
            try {
                outbox.remove(pending);
            } catch (IOException e) {
                // Harmless: the next attempt finds the issue by its markers and sends nothing.
                LOG.warn(
                        "Filed {} but could not remove {} from the outbox: {}",
                        outcome.detail(),
                        outbox.fileOf(pending),
                        e.getMessage());
            }
            if (blocked != null) {
                blocked = null;
                retrier.wakeAt(clock.instant());
            }
            return new Attempt(outcome, null, pending);
        } catch (IOException | RuntimeException e) {
            GitHubFailure raw = GitHubFailure.of(e, repositoryOf(pending));
            GitHubFailure failure = new GitHubFailure(raw.kind(), scrub(raw.message()), raw.retryAt());
            PendingIssue next;
            if (failure.retryable()) {
                next = pending.failed(
                        failure.message(), backoff.next(clock.instant(), pending.attempts() + 1, failure.retryAt()));
                LOG.warn(
                        "Issue draft for analysis {} not filed yet: {}; retry at {}",
                        pending.analysisId(),
                        failure.message(),
                        next.nextAttemptAt());
            } else {
                next = pending.hold(failure.message());
                LOG.error(
                        "Issue draft for analysis {} not filed: {}; kept in {}",
                        pending.analysisId(),
                        failure.message(),
                        outbox.fileOf(pending));
                if (failure.blocksAll()) {
                    blocked = failure.message();
                }
            }
            keep(next);
            return new Attempt(null, failure, next);
        }
    }

    /** @return null when the draft is on disk, else why it is not */
    private String keep(PendingIssue pending) {
        try {
            outbox.put(pending);
            return null;
        } catch (IOException e) {
            LOG.error(
                    "Cannot write issue draft for analysis {} to the outbox {}: {}",
                    pending.analysisId(),
                    outbox.dir(),
                    e.toString());
            return "cannot write to " + outbox.dir() + ": " + e.getMessage();
        }
    }

    /** The allowed repository the request named, else the configured one. */
    private String repositoryOf(PendingIssue pending) {
        String named = pending.draft().repository();
        return named.isBlank() ? config.repository() : named;
    }

    private GitHubIssues issuesIn(String repository) {
        return issues.computeIfAbsent(
                repository.toLowerCase(Locale.ROOT),
                r -> new GitHubIssues(github, repository, config.labels(), config.assignee()));
    }

    private ReentrantLock lockFor(PendingIssue pending) {
        return locks.computeIfAbsent(pending.fingerprint(), f -> new ReentrantLock());
    }

    private static boolean tryLock(ReentrantLock lock) {
        try {
            return lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Belt and braces: no message leaves with the token in it, whatever a library put there. */
    private String scrub(String message) {
        return redactor.redact(message.replace(config.token(), "<redacted:token>"));
    }

    @Override
    public void close() {
        retrier.close();
    }

    @Override
    public String toString() {
        return "GitHubIssueFiler[" + config.repository() + " at " + config.apiUrl() + ", outbox " + outbox.dir() + "]";
    }
}
