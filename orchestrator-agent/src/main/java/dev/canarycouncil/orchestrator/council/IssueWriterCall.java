package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.IssueLookup;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.IssueUpdates;
import io.a2a.spec.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request to the issue writer: the draft it answered, or why there is none. */
final class IssueWriterCall {

    private static final Logger LOG = LoggerFactory.getLogger(IssueWriterCall.class);

    /** The writer's draft (filed, commented, queued, …), or the reason it gave none. */
    record Outcome(Optional<IssueDraft> draft, String problem) {}

    private IssueWriterCall() {}

    /** Asks the writer to tell the checked issues what the canary showed; the updates, or empty and why in progress. */
    static Optional<IssueUpdates> report(CouncilMember writer, FixReport report, Duration deadline, Progress progress)
            throws InterruptedException {
        progress.report("asking " + writer.name() + " to report the fix checks on their issues");
        Reply reply = send(
                writer,
                A2aParts.payload(A2aParts.FIX_REPORT, report, "Report the fix checks"),
                report.verdict().analysisId(),
                deadline,
                progress,
                "could not report the fix checks");
        return reply.answer().flatMap(r -> A2aParts.read(r.parts(), A2aParts.ISSUE_UPDATES, IssueUpdates.class));
    }

    /** Asks the writer for the rollout's issues on GitHub and their pull requests; why not, in the notes. */
    static IssueLinks lookup(CouncilMember writer, IssueLookup question, String analysisId, Duration deadline)
            throws InterruptedException {
        Reply reply = send(
                writer,
                A2aParts.payload(A2aParts.ISSUE_LOOKUP, question, "Read the rollout's remediation issues"),
                analysisId,
                deadline,
                Progress.NONE,
                "could not read the rollout's issues on GitHub");
        if (reply.answer().isEmpty()) {
            return IssueLinks.unread(reply.problem());
        }
        return A2aParts.read(reply.answer().get().parts(), A2aParts.ISSUE_LINKS, IssueLinks.class)
                .orElseGet(() -> IssueLinks.unread(writer.name() + " answered without the issues: "
                        + reply.answer().get().statusText()));
    }

    static Outcome ask(CouncilMember writer, IssueRequest request, Duration deadline, Progress progress)
            throws InterruptedException {
        progress.report("asking " + writer.name() + " for a remediation issue");
        Reply reply = send(
                writer,
                A2aParts.payload(A2aParts.ISSUE_REQUEST, request, "Draft a remediation issue"),
                request.verdict().analysisId(),
                deadline,
                progress,
                "could not draft the issue");
        if (reply.answer().isEmpty()) {
            return new Outcome(Optional.empty(), reply.problem());
        }
        AgentReply answer = reply.answer().get();
        Optional<IssueDraft> draft = A2aParts.read(answer.parts(), A2aParts.ISSUE_DRAFT, IssueDraft.class);
        if (draft.isEmpty()) {
            String problem = writer.name() + " answered without a draft: " + answer.statusText();
            progress.report(problem);
            return new Outcome(draft, problem);
        }
        return new Outcome(draft, "");
    }

    /** The writer's answer, or why there is none (reported and logged). */
    private record Reply(Optional<AgentReply> answer, String problem) {}

    private static Reply send(
            CouncilMember writer,
            java.util.List<io.a2a.spec.Part<?>> payload,
            String analysisId,
            Duration deadline,
            Progress progress,
            String failing)
            throws InterruptedException {
        Message message = RemoteAgent.userMessage(payload, analysisId);
        try {
            return new Reply(
                    Optional.of(writer.agent()
                            .send(message, deadline, text -> progress.report(writer.name() + ": " + text))
                            .get()),
                    "");
        } catch (ExecutionException | IllegalArgumentException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            String problem = writer.name() + " " + failing + ": " + reason;
            progress.report(problem);
            LOG.warn("analysis {}: {}", analysisId, problem);
            return new Reply(Optional.empty(), problem);
        }
    }
}
