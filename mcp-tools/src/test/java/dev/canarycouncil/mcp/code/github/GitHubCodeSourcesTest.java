package dev.canarycouncil.mcp.code.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.code.CodeBackend;
import dev.canarycouncil.mcp.code.CodeHit;
import dev.canarycouncil.mcp.code.CodeSources;
import dev.canarycouncil.mcp.code.FileSlice;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.runtime.repository.RepositoryAllowList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MCP server checks the allow-list itself: a tool call naming another repository is refused, whoever makes it. */
class GitHubCodeSourcesTest {

    private final List<GitHubRepository> connected = new ArrayList<>();
    private final GitHubRepository configured =
            GitHubRepository.of("shop/checkout", "token-for-test").withRef("main");
    private final GitHubCodeSources sources = new GitHubCodeSources(
            configured, new RepositoryAllowList("shop/checkout", Set.of("shop/checkout-v2"), null), repository -> {
                connected.add(repository);
                return new CodeBackend() {
                    @Override
                    public List<CodeHit> search(String query, String pathFilter, int maxResults) {
                        return List.of();
                    }

                    @Override
                    public FileSlice read(String path, int startLine, int endLine) {
                        return null;
                    }
                };
            });

    @Test
    void theConfiguredRepositoryAndTheAllowedOnesAreReadWithTheConfiguredToken() {
        CodeBackend own = sources.of("", "");
        assertSame(own, sources.of("Shop/Checkout", ""), "one backend per repository and branch");
        sources.of("shop/checkout-v2", "release-1.4");
        assertEquals(2, connected.size());
        assertEquals("main", connected.get(0).ref(), "the configured branch when none is named");
        GitHubRepository other = connected.get(1);
        assertEquals("shop/checkout-v2", other.fullName());
        assertEquals("release-1.4", other.ref());
        assertEquals(configured.token(), other.token());
        assertEquals(configured.apiUrl(), other.apiUrl());
    }

    @Test
    void anyOtherRepositoryIsRefusedBeforeAnythingIsConnected() {
        ToolException e = assertThrows(ToolException.class, () -> sources.of("evil/exfiltrate", ""));
        assertEquals(ToolException.Kind.NOT_ALLOWED, e.kind());
        assertTrue(e.getMessage().contains("--github-allowed-repos"), e.getMessage());
        assertTrue(connected.isEmpty());
    }

    @Test
    void aSingleCheckoutRefusesEveryNamedRepository() {
        CodeSources local = CodeSources.only(sources.of("", ""), "the checkout in /src");
        ToolException e = assertThrows(ToolException.class, () -> local.of("shop/checkout-v2", ""));
        assertEquals(ToolException.Kind.NOT_ALLOWED, e.kind());
    }
}
