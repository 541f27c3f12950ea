package dev.canarycouncil.issuewriter;

import java.nio.file.Path;
import java.util.List;

import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import io.vertx.ext.web.Router;

/** Assembles the issue writer as an A2A agent on a router. */
public final class IssueWriterService {

    public static final String NAME = "issue-writer";
    public static final List<String> DEFAULT_LABELS = List.of("canary-rollback");

    private IssueWriterService() {
    }

    /** @param draftDir where drafts are kept as Markdown, or null to only return them */
    public static A2aAgentServer mount(Router router, String publicUrl, List<String> labels, Path draftDir,
                                       A2aServerSettings settings) {
        IssueWriterWork work = new IssueWriterWork(new IssueDrafter(labels),
                draftDir == null ? null : new DraftFolder(draftDir));
        return AgentHosting.host(router, NAME, publicUrl, work, settings);
    }
}
