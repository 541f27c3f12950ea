package dev.canarycouncil.issuewriter;

import java.nio.file.Path;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.agent.AgentWork;
import dev.canarycouncil.runtime.agent.InvalidInputException;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueRequest;
import io.a2a.spec.Message;

/** The issue writer's A2A work: an issue request in, an issue draft out (and on disk, when configured). */
public final class IssueWriterWork implements AgentWork {

    private final IssueDrafter drafter;
    private final DraftFolder drafts;

    /** @param drafts where to keep drafts as Markdown, or null to only return them */
    public IssueWriterWork(IssueDrafter drafter, DraftFolder drafts) {
        this.drafter = drafter;
        this.drafts = drafts;
    }

    @Override
    public AgentOutput perform(Message message, Progress progress) throws Exception {
        IssueRequest request;
        try {
            request = A2aParts.read(message.getParts(), A2aParts.ISSUE_REQUEST, IssueRequest.class)
                    .orElseThrow(() -> new InvalidInputException("Expected a DataPart with metadata kind="
                            + A2aParts.ISSUE_REQUEST + " holding the analysis and its verdict"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        progress.report("drafting the remediation issue");
        IssueDraft draft = drafter.draft(request.analysis(), request.verdict());
        if (drafts != null) {
            Path file = drafts.write(draft, request.verdict().analysisId());
            progress.report("draft written to " + file);
        }
        return new AgentOutput("issue-draft", A2aParts.payload(A2aParts.ISSUE_DRAFT, draft, "# " + draft.title()));
    }
}
