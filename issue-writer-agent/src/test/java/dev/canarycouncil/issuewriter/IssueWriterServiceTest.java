package dev.canarycouncil.issuewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.issuewriter.filing.GitHubIssueFiler;
import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue writer hosted as an A2A agent, called the way the orchestrator calls it. */
class IssueWriterServiceTest {

    static final String TOKEN = "ghp_" + "A2aaA2aaA2aaA2aaA2aaA2aaA2aaA2aaA2aa1";
    static final String REPO = "acme/checkout";

    @TempDir
    Path tmp;

    private static IssueDraft ask(String url, IssueRequest request, List<String> progress) throws Exception {
        ExecutorService calls = Executors.newCachedThreadPool();
        TimeoutA2aHttpClient http = new TimeoutA2aHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(60));
        try (RemoteAgent agent =
                RemoteAgent.connect(RemoteAgent.fetchCard(http, url + A2aAgentServer.CARD_PATH), http, calls)) {
            AgentReply reply = agent.send(
                            RemoteAgent.userMessage(
                                    A2aParts.payload(A2aParts.ISSUE_REQUEST, request, "Draft a remediation issue"),
                                    request.verdict().analysisId()),
                            Duration.ofSeconds(30),
                            progress::add)
                    .get(60, TimeUnit.SECONDS);
            assertTrue(reply.completed(), reply::statusText);
            assertFalse(A2aParts.text(reply.parts()).contains(TOKEN));
            return A2aParts.read(reply.parts(), A2aParts.ISSUE_DRAFT, IssueDraft.class)
                    .orElseThrow();
        } finally {
            calls.shutdownNow();
        }
    }

    @Test
    void theNewMountFilesCommentsAndQueuesOverA2a() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (GitHubFake github = GitHubFake.start(TOKEN);
                RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("go-panic-index-out-of-range"));
                McpToolClient tools = mcp.client();
                HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0)) {
            github.addRepository(REPO);
            IssueWriterConfig config = new IssueWriterConfig(
                    null,
                    null,
                    GitHubFilingConfig.of(REPO, TOKEN, tmp.resolve("outbox")).withApiUrl(github.url()));
            try (IssueWriterAgent agent = IssueWriterService.mount(
                    endpoint.router(), endpoint.baseUrl(), config, tools, A2aServerSettings.defaults())) {
                List<String> progress = new CopyOnWriteArrayList<>();

                IssueDraft filed = ask(endpoint.baseUrl(), RecordedVerdicts.request(mcp), progress);
                assertEquals("filed", filed.state());
                assertEquals(
                        github.url() + "/" + REPO + "/issues/1", filed.url(), "what the orchestrator puts in prLink");
                assertEquals(
                        IssueWriterService.DEFAULT_LABELS,
                        github.issues(REPO).get(0).labels());
                assertTrue(progress.contains("looking up suspect code…"), progress::toString);
                assertTrue(progress.contains("filed #1"), progress::toString);

                IssueDraft commented = ask(endpoint.baseUrl(), RecordedVerdicts.request(mcp), progress);
                assertEquals("commented", commented.state());
                assertEquals(filed.url(), commented.url());
                assertTrue(progress.contains("commented on #1"), progress::toString);

                github.outage(503);
                IssueDraft queued = ask(endpoint.baseUrl(), RecordedVerdicts.request(mcp), progress);
                assertEquals("queued", queued.state());
                assertNull(queued.url());
                assertTrue(progress.contains("GitHub unavailable: queued for retry"), progress::toString);
                assertEquals(1, github.issues(REPO).size());
                assertEquals(
                        1, ((GitHubIssueFiler) agent.filer()).pending().size(), "the queued draft waits in the outbox");
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theOriginalMountStillDraftsWithoutFiling() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (HttpEndpoint endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
                A2aAgentServer server = IssueWriterService.mount(
                        endpoint.router(),
                        endpoint.baseUrl(),
                        List.of("canary-rollback"),
                        tmp.resolve("drafts"),
                        A2aServerSettings.defaults())) {
            IssueDraft draft = ask(
                    endpoint.baseUrl(),
                    new IssueRequest(Drafts.analysis("id-1"), Drafts.panic("id-1")),
                    new CopyOnWriteArrayList<>());

            assertEquals(IssueWriterService.NAME, server.card().name());
            assertEquals("draft", draft.state());
            assertNull(draft.url());
            assertTrue(tmp.resolve("drafts")
                    .resolve(draft.fingerprint() + "-id-1.md")
                    .toFile()
                    .isFile());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
