package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.orchestrator.narrative.Narrative;
import dev.canarycouncil.orchestrator.narrative.Narrator;
import dev.canarycouncil.orchestrator.verification.CanaryRevision;
import dev.canarycouncil.orchestrator.verification.EarlierFailure;
import dev.canarycouncil.orchestrator.verification.IssueChecks;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.FailureFingerprint;
import dev.canarycouncil.runtime.schema.FailureSignature;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.IssueLookup;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analysis, start to end: resolve the canary, ask every voting member in parallel within the
 * deadline, weigh their findings, and on a rollback ask the issue writer for a draft.
 */
public final class Council {

    private static final Logger LOG = LoggerFactory.getLogger(Council.class);

    private final CouncilDirectory directory;
    private final TargetResolver resolver;
    private final VerdictAggregator aggregator;
    /** Less than this left of the issue writer's deadline is not worth a round of GitHub calls. */
    private static final Duration MIN_REPORT_TIME = Duration.ofSeconds(5);
    /**
     * The most the lookup of a rollout's issues on GitHub may take: it runs beside the members, so a
     * slow GitHub costs at most this much past a fast poll, and only the checks, never the verdict.
     */
    private static final Duration LOOKUP_TIME = Duration.ofSeconds(20);

    /** The coordinator's agent name, as its usage and notes are attributed. */
    public static final String COORDINATOR = "orchestrator";

    private final CouncilSettings settings;
    private final Narrator narrator;
    private final long tokenBudget;
    private final MemberPoll poll;
    private final CouncilMemory memory;
    /** Runs each analysis' lookup of its rollout's issues on GitHub beside the members' work. */
    private final ExecutorService lookups = Executors.newCachedThreadPool(DaemonThreads.named("issue-lookup"));

    /** A council without a model of its own: template prose, members spend their own budgets. */
    public Council(CouncilDirectory directory, TargetResolver resolver, CouncilSettings settings) {
        this(directory, resolver, settings, Narrator.templateOnly(), 0);
    }

    /**
     * @param narrator     writes the verdict's prose (with the coordinator's model, if any)
     * @param tokenBudget  tokens one analysis may spend across all agents, shared out per member;
     *                     0 to leave each member to its own limit
     */
    public Council(
            CouncilDirectory directory,
            TargetResolver resolver,
            CouncilSettings settings,
            Narrator narrator,
            long tokenBudget) {
        this(directory, resolver, settings, narrator, tokenBudget, TrackRecords.none());
    }

    /** @param trackRecords members' measured records, used as vote strengths where they suffice */
    public Council(
            CouncilDirectory directory,
            TargetResolver resolver,
            CouncilSettings settings,
            Narrator narrator,
            long tokenBudget,
            TrackRecords trackRecords) {
        this(directory, resolver, settings, narrator, tokenBudget, trackRecords, CouncilMemory.NONE);
    }

    /** @param memory told of every finished analysis, and holds the turns at filing issues (the history) */
    public Council(
            CouncilDirectory directory,
            TargetResolver resolver,
            CouncilSettings settings,
            Narrator narrator,
            long tokenBudget,
            TrackRecords trackRecords,
            CouncilMemory memory) {
        this.memory = memory;
        this.poll = new MemberPoll(settings, trackRecords);
        this.directory = directory;
        this.resolver = resolver;
        this.aggregator = new VerdictAggregator(settings);
        this.settings = settings;
        this.narrator = narrator;
        this.tokenBudget = tokenBudget;
    }

    /** An analysis' request (pods, hashes, window) and its verdict. */
    public record Analysis(AnalysisRequest request, Verdict verdict) {}

    /**
     * @param requester who asked, which decides whether a rollback's issue is filed or only drafted
     * @throws UnresolvableTargetException when the named canary cannot be found
     */
    public Verdict analyze(AnalysisTarget target, Requester requester, Progress progress) throws InterruptedException {
        return analyzeFully(target, requester, progress).verdict();
    }

    /**
     * The same, keeping the request, for follow-up questions routed to the members. The steps: resolve
     * the canary, poll the members, weigh their ballots, draft the issue on a rollback, write the prose.
     */
    public Analysis analyzeFully(AnalysisTarget target, Requester requester, Progress reported)
            throws InterruptedException {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        ProgressLog log = new ProgressLog(reported, Clock.systemUTC());
        Progress progress = log;
        String analysisId = UUID.randomUUID().toString();
        AnalysisRequest resolved = resolver.resolve(target, analysisId);
        progress.report("analysing canary " + resolved.canary().podTemplateHash() + " of " + resolved.namespace() + "/"
                + resolved.rollout() + " against stable " + resolved.stable().podTemplateHash() + " ("
                + resolved.window().start() + " to " + resolved.window().end() + ")");
        List<CouncilMember> members = directory.members();
        long share = budgetShare(members);
        AnalysisRequest request = tokenBudget > 0 ? resolved.withTokenBudget(share) : resolved;

        PendingChecks checks = startChecks(request, members, progress);
        MemberPoll.Result poll = this.poll.ask(members, request, progress);
        Verdict verdict = decide(request, poll, started);
        verdict = checkOpenIssues(request, verdict, checks, progress);
        Optional<CouncilMember> writer =
                verdict.decision() == Decision.ROLLBACK ? issueWriter(members) : Optional.empty();
        IssueFiling filing = settings.issueScope().files(requester) ? IssueFiling.FILE : IssueFiling.DRAFT_ONLY;
        long issueStarted = System.nanoTime();
        if (verdict.decision() == Decision.ROLLBACK) {
            verdict = withIssue(verdict, request, writer, filing, progress);
        }
        // The issue and the fix report share the issue writer's deadline: the analysis' time budget has it once.
        Duration writerTimeLeft = settings.issueDeadline().minusNanos(System.nanoTime() - issueStarted);
        verdict = narrate(verdict, poll, writer.map(CouncilMember::name), share, progress);
        if (filing == IssueFiling.FILE) {
            reportFixChecks(verdict, members, writerTimeLeft, progress);
        }
        verdict = verdict.withDuration(
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        LOG.info(
                "analysis {} {}/{} canary {}: {} {}% in {} ms",
                analysisId,
                request.namespace(),
                request.rollout(),
                request.canary().podTemplateHash(),
                verdict.decision(),
                verdict.confidence(),
                verdict.durationMs());
        tell(new FinishedAnalysis(request, verdict, requester, startedAt, log.events(), filing));
        return new Analysis(request, verdict);
    }

    /** The verdict stands whatever the listener does: keeping it must never cost the controller its answer. */
    private void tell(FinishedAnalysis finished) {
        try {
            memory.finished().finished(finished);
        } catch (RuntimeException e) {
            LOG.warn(
                    "analysis {} was decided but not handed to the history: {}",
                    finished.verdict().analysisId(),
                    e.toString());
        }
    }

    /** The rollout's open issues in the history, and GitHub's answer about them on its way. */
    private record PendingChecks(List<EarlierFailure> known, CompletableFuture<IssueLinks> github) {}

    /**
     * Reads the rollout's open issues from the history and asks the issue writer, while the members
     * work, what GitHub has of them: still open, pull requests, issues the history does not know.
     */
    private PendingChecks startChecks(AnalysisRequest request, List<CouncilMember> members, Progress progress) {
        List<EarlierFailure> known = List.of();
        try {
            known = memory.open().of(request.namespace(), request.rollout()).stream()
                    .map(i -> new EarlierFailure(i.issueUrl(), i.fingerprint(), FailureSignature.of(i.filedBy())))
                    .toList();
        } catch (RuntimeException e) {
            progress.report("open remediation issues in the history not read: " + e.getMessage());
        }
        Optional<CouncilMember> writer = issueWriter(members);
        if (writer.isEmpty()) {
            return new PendingChecks(
                    known,
                    CompletableFuture.completedFuture(
                            known.isEmpty()
                                    ? new IssueLinks(List.of(), List.of())
                                    : IssueLinks.unread("no issue writer is available: whether the issues are "
                                            + "still open, and their pull requests, were not read")));
        }
        IssueLookup question = new IssueLookup(
                request.namespace(),
                request.rollout(),
                known.stream().map(EarlierFailure::issueUrl).toList());
        Duration deadline = settings.deadline().compareTo(LOOKUP_TIME) < 0 ? settings.deadline() : LOOKUP_TIME;
        CompletableFuture<IssueLinks> github = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return IssueWriterCall.lookup(writer.get(), question, request.analysisId(), deadline);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return IssueLinks.unread("the lookup of the rollout's issues was interrupted");
                    }
                },
                lookups);
        return new PendingChecks(known, github);
    }

    /**
     * What this canary says about the rollout's open remediation issues. What could not be read (the
     * history, GitHub, the canary's revision) costs those checks, not the verdict, and the verdict says so.
     */
    private Verdict checkOpenIssues(AnalysisRequest request, Verdict verdict, PendingChecks pending, Progress progress)
            throws InterruptedException {
        IssueLinks github;
        try {
            github = pending.github().get(LOOKUP_TIME.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            pending.github().cancel(true);
            github = IssueLinks.unread("the rollout's issues on GitHub were not read in time");
        }
        if (pending.known().isEmpty() && github.issues().isEmpty()) {
            github.notes().forEach(progress::report);
            return verdict.withVerifications(List.of(), github.notes());
        }
        List<String> notes = new ArrayList<>(github.notes());
        boolean anyMerged = github.issues().stream()
                .flatMap(i -> i.pullRequests().stream())
                .anyMatch(p -> !p.mergeCommit().isEmpty());
        // The pods are read only when a merged pull request could be the fix under test.
        CanaryRevision revision = anyMerged ? resolver.revision(request) : CanaryRevision.of(List.of());
        List<FixVerification> checked = IssueChecks.check(pending.known(), github, revision, verdict, notes::add);
        notes.forEach(progress::report);
        checked.forEach(v -> progress.report(v.issueUrl() + ": " + v.outcome() + ", " + v.text()));
        return verdict.withVerifications(checked, notes);
    }

    /**
     * Tells the checked issues on GitHub what this canary showed, through the issue writer. Only a
     * controller's analysis speaks for the release, hence only its checks are posted.
     */
    private void reportFixChecks(Verdict verdict, List<CouncilMember> members, Duration timeLeft, Progress progress)
            throws InterruptedException {
        boolean decided =
                verdict.verifications().stream().anyMatch(v -> v.outcome().decided());
        if (!decided) {
            return;
        }
        if (timeLeft.compareTo(MIN_REPORT_TIME) < 0) {
            progress.report("the fix checks are in the verdict only: the issue writer's time went to the issue");
            return;
        }
        Optional<CouncilMember> writer = issueWriter(members);
        if (writer.isEmpty()) {
            progress.report("no issue writer available: the fix checks are in the verdict only");
            return;
        }
        IssueWriterCall.report(writer.get(), new FixReport(verdict, settings.closeVerifiedIssues()), timeLeft, progress)
                .ifPresent(u -> u.updates()
                        .forEach(x -> progress.report(x.issueUrl() + ": " + x.action() + ", " + x.detail())));
    }

    /** The members, for routing follow-up questions. */
    public List<CouncilMember> members() {
        return directory.members();
    }

    /** Every voter, the issue writer and the coordinator itself get an equal share of the budget. */
    private long budgetShare(List<CouncilMember> members) {
        return tokenBudget == 0
                ? 0
                : tokenBudget / (members.stream().filter(CouncilMember::votes).count() + 2);
    }

    /** The ballots weighed into a decision, with the deterministic root cause and remediation. */
    private Verdict decide(AnalysisRequest request, MemberPoll.Result poll, long started) {
        VerdictAggregator.Outcome outcome = aggregator.decide(poll.ballots(), poll.failures(), poll::absentWeight);
        List<Finding> findings = poll.findings();
        RootCauseSummary.Summary summary = RootCauseSummary.of(outcome.decision(), request, findings);
        return Verdict.builder()
                .analysisId(request.analysisId())
                .subject(VerdictSubject.of(request))
                .decision(outcome.decision())
                .confidence(outcome.confidence())
                .rationale(outcome.rationale())
                .rootCause(summary.rootCause())
                .remediation(summary.remediation())
                .findings(findings)
                .failures(poll.failures())
                .link(settings.links().to(request.analysisId()))
                .decidedAt(Instant.now())
                .durationMs(Duration.ofNanos(System.nanoTime() - started).toMillis())
                .build();
    }

    /**
     * The prose comes last: the issue's fingerprint rests on the deterministic root cause, which
     * stays the same from one analysis of a failure to the next; a model's wording would not.
     */
    private Verdict narrate(
            Verdict verdict, MemberPoll.Result poll, Optional<String> issueWriter, long share, Progress progress)
            throws InterruptedException {
        if (narrator.hasModel()) {
            progress.report("writing the analysis");
        }
        Narrative narrative = narrator.write(verdict, tokenBudget == 0 ? Long.MAX_VALUE : share);
        List<Finding> findings = poll.findings();
        return verdict.withNarrative(
                narrative.analysis(),
                narrative.rootCause(),
                ModelUse.mode(findings, narrative, verdict.issue()),
                ModelUse.accounting(tokenBudget, findings, narrative, issueWriter.orElse(null), verdict.issue()));
    }

    static Optional<CouncilMember> issueWriter(List<CouncilMember> members) {
        return members.stream()
                .filter(CouncilMember::writesIssues)
                .filter(CouncilMember::available)
                .findFirst();
    }

    private Verdict withIssue(
            Verdict verdict,
            AnalysisRequest request,
            Optional<CouncilMember> member,
            IssueFiling filing,
            Progress progress)
            throws InterruptedException {
        if (member.isEmpty()) {
            progress.report("no issue writer available; the verdict carries no issue draft");
            return verdict;
        }
        CouncilMember writer = member.get();
        if (filing == IssueFiling.DRAFT_ONLY) {
            return askForIssue(verdict, request, writer, filing, progress);
        }
        // Another replica may be filing the same failure right now: file after it, so ours becomes a comment.
        String fingerprint = FailureFingerprint.of(request.service(), verdict.rootCause());
        return memory.issues()
                .filing(
                        fingerprint,
                        verdict.analysisId(),
                        settings.issueDeadline().plusSeconds(30),
                        () -> askForIssue(verdict, request, writer, filing, progress));
    }

    private Verdict askForIssue(
            Verdict verdict, AnalysisRequest request, CouncilMember writer, IssueFiling filing, Progress progress)
            throws InterruptedException {
        IssueWriterCall.Outcome answer = IssueWriterCall.ask(
                writer,
                new IssueRequest(request, verdict, request.tokenBudget(), filing),
                settings.issueDeadline(),
                progress);
        return answer.draft().map(verdict::withIssue).orElse(verdict);
    }
}
