package dev.canarycouncil.issuewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import io.a2a.spec.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue writer's work as the A2A server runs it: code lookup, drafting, Markdown, filing. */
class IssueWriterWorkTest {

    static final String TOKEN = "ghp_" + "W0rkW0rkW0rkW0rkW0rkW0rkW0rkW0rkW0rk1";
    static final String REPO = "acme/checkout";

    @TempDir
    Path tmp;

    final List<String> progress = new CopyOnWriteArrayList<>();

    static Message message(IssueRequest request) {
        return RemoteAgent.userMessage(
                A2aParts.payload(A2aParts.ISSUE_REQUEST, request, "Draft a remediation issue"),
                request.verdict().analysisId());
    }

    static IssueDraft draftOf(AgentOutput output) {
        return A2aParts.read(output.parts(), A2aParts.ISSUE_DRAFT, IssueDraft.class)
                .orElseThrow();
    }

    @Test
    void aDryRunWritesMarkdownAndFilesNothing() throws Exception {
        IssueWriterWork work = IssueWriterService.work(
                IssueWriterConfig.dryRun(List.of("canary-rollback", "jules"), tmp.resolve("drafts")), null);

        IssueDraft draft = draftOf(
                work.perform(message(new IssueRequest(Drafts.analysis("id-1"), Drafts.panic("id-1"))), progress::add));

        assertEquals("draft", draft.state());
        assertNull(draft.url());
        assertEquals("dry run: not filed (no GitHub repository configured)", draft.detail());
        assertEquals(List.of("canary-rollback", "jules"), draft.labels());
        Path file = tmp.resolve("drafts").resolve(draft.fingerprint() + "-id-1.md");
        String markdown = Files.readString(file);
        assertTrue(
                markdown.startsWith(
                        "# Canary 7c9d6f5b4 of checkout panics: index out of range in getColor (main.go:42)\n"),
                markdown);
        assertTrue(markdown.contains("Labels: canary-rollback, jules"));
        assertTrue(markdown.contains("_Not looked up: the issue writer has no code tools configured._"), markdown);
        assertTrue(progress.contains("draft written to " + file), progress::toString);
        assertFalse(progress.stream().anyMatch(p -> p.contains("suspect code")), "no lookup without code tools");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("drafts")), files.toList(), "no outbox: nothing waits to be filed");
        }
    }

    @Test
    void withGitHubAndCodeToolsTheIssueIsFiledWithTheSuspectCode() throws Exception {
        try (GitHubFake github = GitHubFake.start(TOKEN);
                RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("go-panic-index-out-of-range"));
                McpToolClient tools = mcp.client()) {
            github.addRepository(REPO);
            IssueWriterWork work = IssueWriterService.work(
                    new IssueWriterConfig(
                            List.of("canary-rollback"),
                            tmp.resolve("drafts"),
                            GitHubFilingConfig.of(REPO, TOKEN, tmp.resolve("outbox"))
                                    .withApiUrl(github.url())
                                    .withLabels(List.of("jules"))
                                    .withAssignee("google-labs-jules")),
                    tools);
            try {
                IssueRequest request = RecordedVerdicts.request(mcp);
                AgentOutput output = work.perform(message(request), progress::add);
                IssueDraft filed = draftOf(output);

                assertEquals("filed", filed.state());
                assertEquals(github.url() + "/" + REPO + "/issues/1", filed.url());
                assertEquals(List.of("jules"), filed.labels());
                FakeIssue issue = github.issues(REPO).get(0);
                assertEquals(List.of("google-labs-jules"), issue.assignees());
                assertTrue(issue.body().contains("→ 42  \treturn p.colors[idx]"), issue::body);
                assertTrue(
                        filed.suspectCode().startsWith("## Suspect code")
                                && filed.suspectCode().contains("→ 42  \treturn p.colors[idx]"),
                        filed::suspectCode);
                assertTrue(
                        issue.body().contains(filed.suspectCode()),
                        "the section on its own is the body's, word for word");
                assertEquals(
                        List.of(
                                "looking up suspect code…",
                                "quoting main.go lines 37–60",
                                "drafting the remediation issue",
                                "draft written to "
                                        + tmp.resolve("drafts")
                                                .resolve(filed.fingerprint() + "-"
                                                        + request.verdict().analysisId() + ".md"),
                                "filed #1"),
                        progress);
                assertTrue(A2aParts.text(output.parts()).contains(filed.url()), "text-only peers see the link too");
            } finally {
                work.filer().close();
            }
        }
    }
}
