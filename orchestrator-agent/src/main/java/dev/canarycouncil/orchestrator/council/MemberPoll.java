package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import io.a2a.spec.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks every voting member in parallel and turns each reply into a ballot, or a failure when the
 * member was unavailable, failed, or answered with nothing the council can count.
 */
final class MemberPoll {

    /** A text-only reply counts with this share of its member's weight. */
    static final double TEXT_REPLY_WEIGHT = 0.25;

    /** What the members said, and who said nothing. */
    record Result(List<Ballot> ballots, List<AgentFailure> failures, Map<String, Double> absentWeights) {

        List<Finding> findings() {
            return ballots.stream().map(Ballot::finding).toList();
        }

        /** How much a member that gave no finding would have weighed. */
        double absentWeight(AgentFailure failure) {
            return absentWeights.get(failure.agent());
        }
    }

    private final CouncilSettings settings;
    private final TrackRecords trackRecords;
    private final FindingRedactor redactor = new FindingRedactor(new Redactor());

    MemberPoll(CouncilSettings settings, TrackRecords trackRecords) {
        this.settings = settings;
        this.trackRecords = trackRecords;
    }

    Result ask(List<CouncilMember> members, AnalysisRequest request, Progress progress) throws InterruptedException {
        Map<CouncilMember, CompletableFuture<AgentReply>> calls = new LinkedHashMap<>();
        List<AgentFailure> failures = new ArrayList<>();
        Map<String, Double> absentWeights = new HashMap<>();
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
            Message message = RemoteAgent.userMessage(
                    A2aParts.payload(
                            A2aParts.ANALYSIS_REQUEST,
                            request,
                            "Judge canary " + request.canary().podTemplateHash() + " of " + request.rollout()),
                    request.analysisId());
            calls.put(
                    m,
                    m.agent()
                            .send(
                                    message,
                                    m.policy().timeout(),
                                    text -> progress.report(m.name() + ": " + ProgressText.clean(text))));
        }
        List<Ballot> ballots = new ArrayList<>();
        for (Map.Entry<CouncilMember, CompletableFuture<AgentReply>> call : calls.entrySet()) {
            CouncilMember member = call.getKey();
            String name = member.name();
            try {
                Ballot ballot = ballot(member, call.getValue().get());
                ballots.add(ballot);
                progress.report(name + " voted " + ballot.finding().verdict() + " ("
                        + ballot.finding().confidence() + "%)");
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
        return new Result(List.copyOf(ballots), List.copyOf(failures), Map.copyOf(absentWeights));
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
            throw new IllegalStateException(
                    name + " ended its task " + reply.state().asString()
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
        return trackRecords
                .strength(name, finding.verdict())
                .map(s -> new Ballot(
                        finding,
                        weight,
                        s.value(),
                        member.policy().mayVeto(),
                        s.basis(),
                        member.policy().abstains()))
                .orElseGet(() -> new Ballot(
                        finding,
                        weight,
                        finding.confidence(),
                        member.policy().mayVeto(),
                        null,
                        member.policy().abstains()));
    }
}
