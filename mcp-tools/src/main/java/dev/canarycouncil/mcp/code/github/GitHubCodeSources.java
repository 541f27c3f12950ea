package dev.canarycouncil.mcp.code.github;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.canarycouncil.mcp.code.CodeBackend;
import dev.canarycouncil.mcp.code.CodeSources;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.repository.RepositoryAllowList;
import java.util.Locale;
import java.util.function.Function;

/**
 * The configured GitHub repository and those on the allow-list, each read with the configured
 * API URL, token and timeout. Backends are kept per repository and branch, a bounded number, so a
 * stream of requests naming branches cannot grow the server.
 */
public final class GitHubCodeSources implements CodeSources {

    private static final int MAX_BACKENDS = 32;

    private final GitHubRepository configured;
    private final RepositoryAllowList allowList;
    private final Function<GitHubRepository, CodeBackend> connect;
    private final Cache<String, CodeBackend> backends =
            Caffeine.newBuilder().maximumSize(MAX_BACKENDS).build();

    public GitHubCodeSources(GitHubRepository configured, RepositoryAllowList allowList) {
        this(configured, allowList, GitHubCodeBackend::new);
    }

    GitHubCodeSources(
            GitHubRepository configured,
            RepositoryAllowList allowList,
            Function<GitHubRepository, CodeBackend> connect) {
        this.configured = configured;
        this.allowList = allowList;
        this.connect = connect;
    }

    @Override
    public CodeBackend of(String repository, String branch) {
        String name = repository.isBlank() ? configured.fullName() : repository;
        if (!allowList.allows(name)) {
            throw new ToolException(
                    Kind.NOT_ALLOWED,
                    "repository " + name + " is not in the allow-list of the code tools ("
                            + configured.fullName()
                            + (allowList.allowed().isEmpty() ? "" : ", " + String.join(", ", allowList.allowed()))
                            + "); add it with --github-allowed-repos");
        }
        String ref = branch.isBlank() && name.equalsIgnoreCase(configured.fullName())
                ? nullToEmpty(configured.ref())
                : branch;
        return backends.get(name.toLowerCase(Locale.ROOT) + "@" + ref, key -> {
            int slash = name.indexOf('/');
            return connect.apply(new GitHubRepository(
                    configured.apiUrl(),
                    name.substring(0, slash),
                    name.substring(slash + 1),
                    ref,
                    configured.token(),
                    configured.timeout()));
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
