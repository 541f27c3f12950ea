package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.IssueUpdates;
import io.a2a.spec.Message;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request to the issue writer: the draft it answered, or why there is none. */
final class IssueWriterCall {

    private static final Logger LOG = LoggerFactory.getLogger(IssueWriterCall.class);

    /** The writer's draft (filed, commented, queued, …), or the reason it gave none. */
    record Outcome(java.util.Optional<IssueDraft> draft, String problem) {}

    private IssueWriterCall() {}

    /** Asks the writer to tell the checked issues what the canary showed; the updates, or empty and why in progress. */
    static java.util.Optional<IssueUpdates> report(
            CouncilMember writer, FixReport report, Duration deadline, Progress progress) throws InterruptedException {
        String analysisId = report.verdict().analysisId();
        progress.report("asking " + writer.name() + " to report the fix checks on their issues");
        Message message = RemoteAgent.userMessage(
                A2aParts.payload(A2aParts.FIX_REPORT, report, "Report the fix checks"), analysisId);
        try {
            AgentReply reply = writer.agent()
                    .send(message, deadline, text -> progress.report(writer.name() + ": " + text))
                    .get();
            return A2aParts.read(reply.parts(), A2aParts.ISSUE_UPDATES, IssueUpdates.class);
        } catch (ExecutionException | IllegalArgumentException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            progress.report(writer.name() + " could not report the fix checks: " + reason);
            LOG.warn("Fix checks not reported for analysis {}: {}", analysisId, reason);
            return java.util.Optional.empty();
        }
    }

    static Outcome ask(CouncilMember writer, IssueRequest request, Duration deadline, Progress progress)
            throws InterruptedException {
        String analysisId = request.verdict().analysisId();
        progress.report("asking " + writer.name() + " for a remediation issue");
        Message message = RemoteAgent.userMessage(
                A2aParts.payload(A2aParts.ISSUE_REQUEST, request, "Draft a remediation issue"), analysisId);
        try {
            AgentReply reply = writer.agent()
                    .send(message, deadline, text -> progress.report(writer.name() + ": " + text))
                    .get();
            java.util.Optional<IssueDraft> draft = A2aParts.read(reply.parts(), A2aParts.ISSUE_DRAFT, IssueDraft.class);
            if (draft.isEmpty()) {
                progress.report(writer.name() + " answered without a draft: " + reply.statusText());
                return new Outcome(draft, writer.name() + " answered without a draft: " + reply.statusText());
            }
            return new Outcome(draft, "");
        } catch (ExecutionException | IllegalArgumentException e) {
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            progress.report(writer.name() + " could not draft the issue: " + reason);
            LOG.warn("Issue writer failed for analysis {}: {}", analysisId, reason);
            return new Outcome(java.util.Optional.empty(), writer.name() + " could not draft the issue: " + reason);
        }
    }
}
