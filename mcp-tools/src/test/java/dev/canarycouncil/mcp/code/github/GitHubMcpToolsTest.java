package dev.canarycouncil.mcp.code.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.mcp.server.McpToolServer;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.mcp.testing.ToolCalls;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** search_code and read_file through the real MCP server, answered from a repository on (a local) GitHub. */
class GitHubMcpToolsTest {

    private static final String TOKEN = GitHubCodeBackendTest.TOKEN;
    private static GitHubFake github;
    private static Vertx vertx;
    private static HttpEndpoint endpoint;
    private static McpToolServer server;
    private static McpSyncClient client;
    private static ToolBackends backends;

    @BeforeAll
    static void start() throws Exception {
        RecordedRollout recording = RecordedRollout.load(Recordings.named("go-panic-index-out-of-range"));
        github = GitHubFake.start(TOKEN);
        github.addFilesFrom("acme/checkout", recording.repository());
        GitHubRepository repository = GitHubRepository.of("acme/checkout", TOKEN)
                .withApiUrl(github.url())
                .withTimeout(Duration.ofSeconds(5));
        backends =
                ToolBackends.recorded(recording).withCode(new GitHubCodeBackend(repository), repository.description());
        vertx = Vertx.vertx();
        endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        server = new McpToolServer(backends, Duration.ofSeconds(30));
        server.mount(endpoint.router());
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(endpoint.baseUrl())
                        .endpoint(McpToolServer.PATH)
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        client.closeGracefully();
        server.close();
        endpoint.close();
        vertx.close();
        github.close();
    }

    @Test
    void searchesAndReadsTheRepositoryOnGitHub() {
        JsonNode hits = call("search_code", Map.of("query", "func getColor")).get("hits");
        assertEquals(1, hits.size());
        assertEquals("main.go", hits.get(0).get("path").asText());
        assertEquals(39, hits.get(0).get("line").asInt());

        JsonNode slice = call("read_file", Map.of("path", "main.go", "startLine", 42, "endLine", 42));
        assertEquals("\treturn p.colors[idx]\n", slice.get("text").asText());
        assertEquals(42, slice.get("endLine").asInt());
        assertTrue(
                backends.description().endsWith(", code from GitHub repository acme/checkout at " + github.url()),
                backends.description());
        assertFalse(backends.description().contains(TOKEN));
    }

    @Test
    void failuresReachTheAgentAsNamedKinds() {
        assertTrue(error("read_file", Map.of("path", "nope.go")).startsWith("[not-found] no file nope.go"));
        github.rateLimited(90);
        try {
            String text = error("search_code", Map.of("query", "getColor"));
            assertTrue(
                    text.startsWith("[rate-limited] GitHub rate-limited the token (a secondary rate limit, HTTP 403)"),
                    text);
            assertTrue(text.contains("retry after"), text);
        } finally {
            github.recover();
        }
        github.outage(502);
        try {
            assertTrue(error("read_file", Map.of("path", "main.go"))
                    .startsWith("[unreachable] GitHub at " + github.url() + " answered HTTP 502"));
        } finally {
            github.recover();
        }
    }

    private static JsonNode call(String tool, Map<String, Object> args) {
        return ToolCalls.call(client, tool, args);
    }

    private static String error(String tool, Map<String, Object> args) {
        String text = ToolCalls.error(client, tool, args);
        assertFalse(text.contains(TOKEN));
        return text;
    }
}
