package dev.canarycouncil.issuewriter;

import dev.canarycouncil.issuewriter.code.SuspectCode;
import dev.canarycouncil.issuewriter.code.SuspectCodeFinder;
import dev.canarycouncil.issuewriter.filing.DryRunFiler;
import dev.canarycouncil.issuewriter.filing.IssueFiler;
import dev.canarycouncil.issuewriter.prose.IssueProse;
import dev.canarycouncil.issuewriter.prose.WrittenText;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.agent.AgentWork;
import dev.canarycouncil.runtime.agent.InvalidInputException;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.repository.RepositoryAllowList;
import dev.canarycouncil.runtime.repository.RepositoryChoice;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.IssueLookup;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.IssueUpdates;
import io.a2a.spec.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issue writer's A2A work: an issue request in; the suspect code looked up, the issue drafted,
 * kept as Markdown (when configured) and filed (when configured); the draft, with where it went,
 * out.
 */
public final class IssueWriterWork implements AgentWork {

    private static final Logger LOG = LoggerFactory.getLogger(IssueWriterWork.class);

    private final IssueDrafter drafter;
    private final DraftFolder drafts;
    private final SuspectCodeFinder code;
    private final IssueFiler filer;
    private final IssueProse prose;
    private final RepositoryAllowList repositories;

    /** @param drafts where to keep drafts as Markdown, or null to only return them */
    public IssueWriterWork(IssueDrafter drafter, DraftFolder drafts) {
        this(drafter, drafts, null, new DryRunFiler());
    }

    /**
     * @param drafts  where to keep drafts as Markdown, or null
     * @param code    looks up the suspect code, or null to skip that
     * @param filer   where drafts are filed ({@link DryRunFiler} to only return them)
     */
    public IssueWriterWork(IssueDrafter drafter, DraftFolder drafts, SuspectCodeFinder code, IssueFiler filer) {
        this(drafter, drafts, code, filer, null);
    }

    /** @param prose writes the summary and fix direction with a model, or null for the template alone */
    public IssueWriterWork(
            IssueDrafter drafter, DraftFolder drafts, SuspectCodeFinder code, IssueFiler filer, IssueProse prose) {
        this(drafter, drafts, code, filer, prose, RepositoryAllowList.none());
    }

    /** @param repositories which repositories a request may name for the code lookup and the filing */
    public IssueWriterWork(
            IssueDrafter drafter,
            DraftFolder drafts,
            SuspectCodeFinder code,
            IssueFiler filer,
            IssueProse prose,
            RepositoryAllowList repositories) {
        this.repositories = repositories;
        this.drafter = drafter;
        this.drafts = drafts;
        this.code = code;
        this.filer = filer;
        this.prose = prose;
    }

    public IssueFiler filer() {
        return filer;
    }

    @Override
    public AgentOutput perform(Message message, Progress progress) throws Exception {
        Optional<FixReport> fixes;
        Optional<IssueLookup> lookup;
        try {
            fixes = A2aParts.read(message.getParts(), A2aParts.FIX_REPORT, FixReport.class);
            lookup = A2aParts.read(message.getParts(), A2aParts.ISSUE_LOOKUP, IssueLookup.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (lookup.isPresent()) {
            IssueLinks links = filer.lookup(lookup.get(), progress);
            String text = links.issues().size() + " issue(s) read"
                    + (links.notes().isEmpty() ? "" : "; " + String.join("; ", links.notes()));
            return new AgentOutput("issue-links", A2aParts.payload(A2aParts.ISSUE_LINKS, links, text));
        }
        if (fixes.isPresent()) {
            IssueUpdates updates = new IssueUpdates(filer.report(fixes.get(), progress));
            String text = updates.updates().stream()
                    .map(u -> u.issueUrl() + ": " + u.action())
                    .collect(java.util.stream.Collectors.joining("\n"));
            return new AgentOutput("issue-updates", A2aParts.payload(A2aParts.ISSUE_UPDATES, updates, text));
        }
        IssueRequest request;
        try {
            request = A2aParts.read(message.getParts(), A2aParts.ISSUE_REQUEST, IssueRequest.class)
                    .orElseThrow(() -> new InvalidInputException("Expected a DataPart with metadata kind="
                            + A2aParts.ISSUE_REQUEST + " holding the analysis and its verdict"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        String analysisId = request.verdict().analysisId() != null
                ? request.verdict().analysisId()
                : request.analysis().analysisId();
        RepositoryChoice repository = repositories.choose(request.analysis().repository());
        SuspectCode suspect = SuspectCode.NOT_LOOKED_UP;
        if (code != null) {
            progress.report(
                    "looking up suspect code" + (repository.requested() ? " in " + repository.fullName() : "") + "…");
            suspect = code.find(request.verdict(), repository.toolArguments());
            suspect.excerpts()
                    .forEach(x ->
                            progress.report("quoting " + x.path() + " lines " + x.startLine() + "–" + x.endLine()));
            suspect.notes().forEach(progress::report);
        }
        if (repository.refused()) {
            LOG.warn("Analysis {}: {}", analysisId, repository.refusal());
            progress.report(repository.refusal());
            suspect = suspect.withNoteFirst(repository.refusal());
        }
        WrittenText written = WrittenText.TEMPLATE_ONLY;
        if (prose != null) {
            progress.report("asking the model for the issue's summary and fix direction");
            written = prose.write(request, suspect);
            if (written.note() != null) {
                progress.report("the issue is written from the template: " + written.note());
            }
        }
        progress.report("drafting the remediation issue");
        IssueDraft draft = drafter.draft(request.analysis(), request.verdict(), suspect, written)
                .withRepository(repository.requested() ? repository.fullName() : "");
        if (drafts != null) {
            try {
                Path file = drafts.write(draft, analysisId);
                progress.report("draft written to " + file);
            } catch (IOException e) {
                // The draft still goes back to the caller (and to GitHub when configured).
                LOG.warn("Cannot write the issue draft for analysis {}: {}", analysisId, e.toString());
                progress.report("could not write the draft to disk: " + e.getMessage());
            }
        }
        IssueDraft result = request.filing() == IssueFiling.FILE
                ? filer.file(draft, analysisId, progress)
                : draft.withOutcome(
                        null,
                        "draft",
                        "not filed: only analyses a release controller asks for file issues; "
                                + "this one was asked for through A2A (the page, chat or another agent)");
        String text = "# " + result.title() + "\n\n" + result.state()
                + (result.detail() == null ? "" : ": " + result.detail())
                + (result.url() == null ? "" : "\n" + result.url());
        return new AgentOutput("issue-draft", A2aParts.payload(A2aParts.ISSUE_DRAFT, result, text));
    }
}
