package dev.canarycouncil.issuewriter;

import dev.canarycouncil.issuewriter.code.SuspectCodeFinder;
import dev.canarycouncil.issuewriter.filing.DryRunFiler;
import dev.canarycouncil.issuewriter.filing.GitHubIssueFiler;
import dev.canarycouncil.issuewriter.filing.IssueFiler;
import dev.canarycouncil.issuewriter.prose.IssueProse;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.llm.ModelSession;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.Redactor;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.List;

/** Assembles the issue writer as an A2A agent on a router. */
public final class IssueWriterService {

    public static final String NAME = "issue-writer";
    public static final List<String> DEFAULT_LABELS = List.of("canary-rollback");

    private IssueWriterService() {}

    /**
     * A dry-run issue writer without code lookup, as before filing existed.
     *
     * @param draftDir where drafts are kept as Markdown, or null to only return them
     */
    public static A2aAgentServer mount(
            Router router, String publicUrl, List<String> labels, Path draftDir, A2aServerSettings settings) {
        IssueWriterWork work =
                new IssueWriterWork(new IssueDrafter(labels), draftDir == null ? null : new DraftFolder(draftDir));
        return AgentHosting.host(router, NAME, publicUrl, work, settings);
    }

    /**
     * An issue writer that looks up suspect code and files on GitHub when configured. With GitHub
     * configured, drafts left in its outbox by an earlier run are filed in the background from now on.
     *
     * @param config  labels, draft folder, and GitHub filing (null for a dry run)
     * @param code    the MCP code tools, or null to skip the suspect code lookup; not closed by the agent
     */
    public static IssueWriterAgent mount(
            Router router, String publicUrl, IssueWriterConfig config, McpToolClient code, A2aServerSettings settings) {
        ModelSession model = config.models().session(NAME, true).orElse(null);
        IssueWriterWork work = work(
                config,
                code,
                model == null ? null : new IssueProse(model, config.models().tokenBudget()));
        IssueFiler filer = work.filer();
        try {
            return new IssueWriterAgent(AgentHosting.host(router, NAME, publicUrl, work, settings), filer, model);
        } catch (RuntimeException e) {
            filer.close();
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    /** The work behind the agent, for callers that host it themselves (and close its filer). */
    public static IssueWriterWork work(IssueWriterConfig config, McpToolClient code) {
        return work(config, code, null);
    }

    /** @param model the issue writer's model session with its token limit, or null for template text only */
    public static IssueWriterWork work(IssueWriterConfig config, McpToolClient code, IssueProse model) {
        Redactor redactor = new Redactor();
        IssueFiler filer = config.github() == null ? new DryRunFiler() : new GitHubIssueFiler(config.github()).start();
        return new IssueWriterWork(
                new IssueDrafter(config.labels()),
                config.draftDir() == null ? null : new DraftFolder(config.draftDir()),
                code == null ? null : new SuspectCodeFinder(code, redactor),
                filer,
                model,
                config.repositories());
    }
}
