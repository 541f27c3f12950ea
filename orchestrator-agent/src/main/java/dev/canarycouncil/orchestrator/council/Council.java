package dev.canarycouncil.orchestrator.council;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.orchestrator.narrative.Narrative;
import dev.canarycouncil.orchestrator.narrative.Narrator;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import io.a2a.spec.Message;
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
    /** The coordinator's agent name, as its usage and notes are attributed. */
    public static final String COORDINATOR = "orchestrator";

    private final CouncilSettings settings;
    private final Narrator narrator;
    private final long tokenBudget;
    private final TrackRecords trackRecords;
    private final FindingRedactor redactor = new FindingRedactor(new Redactor());

    /** A text-only reply counts with this share of its member's weight. */
    public static final double TEXT_REPLY_WEIGHT = 0.25;

    /** A council without a model of its own: template prose, members spend their own budgets. */
    public Council(CouncilDirectory directory, TargetResolver resolver, CouncilSettings settings) {
        this(directory, resolver, settings, new Narrator(null), 0);
    }

    /**
     * @param narrator     writes the verdict's prose (with the coordinator's model, if any)
     * @param tokenBudget  tokens one analysis may spend across all agents, shared out per member;
     *                     0 to leave each member to its own limit
     */
    public Council(CouncilDirectory directory, TargetResolver resolver, CouncilSettings settings, Narrator narrator,
                   long tokenBudget) {
        this(directory, resolver, settings, narrator, tokenBudget, TrackRecords.none());
    }

    /** @param trackRecords members' measured records, used as vote strengths where they suffice */
    public Council(CouncilDirectory directory, TargetResolver resolver, CouncilSettings settings, Narrator narrator,
                   long tokenBudget, TrackRecords trackRecords) {
        this.trackRecords = trackRecords;
        this.directory = directory;
        this.resolver = resolver;
        this.aggregator = new VerdictAggregator(settings);
        this.settings = settings;
        this.narrator = narrator;
        this.tokenBudget = tokenBudget;
    }

    /** An analysis' request (pods, hashes, window) and its verdict. */
    public record Analysis(AnalysisRequest request, Verdict verdict) {
    }

    /**
     * @param requester who asked, which decides whether a rollback's issue is filed or only drafted
     * @throws UnresolvableTargetException when the named canary cannot be found
     */
    public Verdict analyze(AnalysisTarget target, Requester requester, Progress progress) throws InterruptedException {
        return analyzeFully(target, requester, progress).verdict();
    }

    /** The same, keeping the request, for follow-up questions routed to the members. */
    public Analysis analyzeFully(AnalysisTarget target, Requester requester, Progress progress) throws InterruptedException {
        long started = System.nanoTime();
        String analysisId = UUID.randomUUID().toString();
        AnalysisRequest request = resolver.resolve(target, analysisId);
        progress.report("analysing canary " + request.canary().podTemplateHash() + " of " + request.namespace() + "/"
                + request.rollout() + " against stable " + request.stable().podTemplateHash() + " ("
                + request.window().start() + " to " + request.window().end() + ")");

        List<CouncilMember> members = directory.members();
        // Every voter, the issue writer and the coordinator itself get an equal share of the budget.
        long share = tokenBudget == 0 ? 0 : tokenBudget / (members.stream().filter(CouncilMember::votes).count() + 2);
        if (tokenBudget > 0) {
            request = request.withTokenBudget(share);
        }
        Map<CouncilMember, CompletableFuture<AgentReply>> calls = new LinkedHashMap<>();
        List<AgentFailure> failures = new ArrayList<>();
        Map<String, Double> absentWeights = new java.util.HashMap<>();
        for (CouncilMember m : members) {
            if (!m.votes()) {
                continue;
            }
            if (!m.available()) {
                failures.add(new AgentFailure(m.name(), m.unavailableReason()));
                absentWeights.put(m.name(), weight(m));
                continue;
            }
            progress.report("asking " + m.name());
            Message message = RemoteAgent.userMessage(A2aParts.payload(A2aParts.ANALYSIS_REQUEST, request,
                    "Judge canary " + request.canary().podTemplateHash() + " of " + request.rollout()), analysisId);
            calls.put(m, m.agent().send(message, m.policy().timeout(), text -> progress.report(m.name() + ": "
                    + ProgressText.clean(text))));
        }
        List<Finding> findings = new ArrayList<>();
        List<Ballot> ballots = new ArrayList<>();
        for (Map.Entry<CouncilMember, CompletableFuture<AgentReply>> call : calls.entrySet()) {
            CouncilMember member = call.getKey();
            String name = member.name();
            try {
                Ballot ballot = ballot(member, call.getValue().get());
                ballots.add(ballot);
                findings.add(ballot.finding());
                progress.report(name + " voted " + ballot.finding().verdict() + " (" + ballot.finding().confidence() + "%)");
            } catch (ExecutionException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                String reason = ProgressText.clean(String.valueOf(cause.getMessage()));
                failures.add(new AgentFailure(name, reason));
                absentWeights.put(name, weight(member));
                progress.report(name + " gave no finding: " + reason);
            } catch (InterruptedException e) {
                calls.values().forEach(f -> f.cancel(true));
                throw e;
            }
        }
        VerdictAggregator.Outcome outcome = aggregator.decide(ballots, failures,
                f -> absentWeights.get(f.agent()));
        RootCauseSummary.Summary summary = RootCauseSummary.of(outcome.decision(), request, findings);
        Verdict verdict = new Verdict(analysisId, VerdictSubject.of(request), outcome.decision(), outcome.confidence(), outcome.rationale(),
                summary.rootCause(), summary.remediation(), findings, failures, null, ModelUse.DETERMINISTIC, Instant.now(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        String writerName = null;
        if (verdict.decision() == Decision.ROLLBACK) {
            CouncilMember writer = issueWriter(members);
            writerName = writer == null ? null : writer.name();
            verdict = withIssue(verdict, request, writer, settings.issueScope().files(requester) ? IssueFiling.FILE
                    : IssueFiling.DRAFT_ONLY, progress);
        }
        // The prose comes last: the issue's fingerprint rests on the deterministic root cause, which
        // stays the same from one analysis of a failure to the next; a model's wording would not.
        if (narrator.hasModel()) {
            progress.report("writing the analysis");
        }
        Narrative narrative = narrator.write(verdict, tokenBudget == 0 ? Long.MAX_VALUE : share);
        verdict = verdict.withNarrative(narrative.analysis(), narrative.rootCause(),
                ModelUse.mode(findings, narrative, verdict.issue()),
                ModelUse.accounting(tokenBudget, findings, narrative, writerName, verdict.issue()));
        verdict = verdict.withDuration(Duration.ofNanos(System.nanoTime() - started).toMillis());
        LOG.info("analysis {} {}/{} canary {}: {} {}% in {} ms", analysisId, request.namespace(), request.rollout(),
                request.canary().podTemplateHash(), verdict.decision(), verdict.confidence(), verdict.durationMs());
        return new Analysis(request, verdict);
    }

    /** The members, for routing follow-up questions. */
    public List<CouncilMember> members() {
        return directory.members();
    }

    private double weight(CouncilMember m) {
        return m.policy().weight() * settings.weight(m.name());
    }

    /**
     * The member's reply as a vote: its Finding, named after the member whatever it calls itself,
     * redacted and bounded (a plug-in's finding reaches the verdict, the issue and the logs); or,
     * from a reply with text but no Finding, a low-weight vote read from the text.
     */
    private Ballot ballot(CouncilMember member, AgentReply reply) {
        String name = member.name();
        if (!reply.completed()) {
            throw new IllegalStateException(name + " ended its task " + reply.state().asString()
                    + (reply.statusText().isBlank() ? "" : ": " + ProgressText.clean(reply.statusText())));
        }
        Finding f;
        try {
            f = A2aParts.read(reply.parts(), A2aParts.FINDING, Finding.class).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " sent an invalid finding: " + e.getMessage(), e);
        }
        double weight = weight(member);
        if (f == null) {
            String text = A2aParts.text(reply.parts());
            if (text.isBlank()) {
                throw new IllegalStateException(name + " answered without a finding or any text");
            }
            Finding read = redactor.redact(TextReply.read(name, text));
            return new Ballot(read, weight * TEXT_REPLY_WEIGHT, read.confidence(), false, "read from text");
        }
        Finding finding = redactor.redact(FindingBounds.apply(f.agent().equals(name) ? f : f.withAgent(name)));
        return trackRecords.strength(name, finding.verdict())
                .map(s -> new Ballot(finding, weight, s.value(), member.policy().mayVeto(), s.basis(), member.policy().abstains()))
                .orElseGet(() -> new Ballot(finding, weight, finding.confidence(), member.policy().mayVeto(), null,
                        member.policy().abstains()));
    }

    private static CouncilMember issueWriter(List<CouncilMember> members) {
        return members.stream().filter(CouncilMember::writesIssues).filter(CouncilMember::available).findFirst().orElse(null);
    }

    private Verdict withIssue(Verdict verdict, AnalysisRequest request, CouncilMember writer, IssueFiling filing,
                              Progress progress) throws InterruptedException {
        if (writer == null) {
            progress.report("no issue writer available; the verdict carries no issue draft");
            return verdict;
        }
        progress.report("asking " + writer.name() + " for a remediation issue");
        Message message = RemoteAgent.userMessage(A2aParts.payload(A2aParts.ISSUE_REQUEST,
                new IssueRequest(request, verdict, request.tokenBudget(), filing), "Draft a remediation issue"), verdict.analysisId());
        try {
            AgentReply reply = writer.agent().send(message, settings.issueDeadline(),
                    text -> progress.report(writer.name() + ": " + text)).get();
            IssueDraft draft = A2aParts.read(reply.parts(), A2aParts.ISSUE_DRAFT, IssueDraft.class).orElse(null);
            if (draft == null) {
                progress.report(writer.name() + " answered without a draft: " + reply.statusText());
            }
            return draft == null ? verdict : verdict.withIssue(draft);
        } catch (ExecutionException | IllegalArgumentException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            progress.report(writer.name() + " could not draft the issue: " + reason);
            LOG.warn("Issue writer failed for analysis {}: {}", verdict.analysisId(), reason);
            return verdict;
        }
    }
}
