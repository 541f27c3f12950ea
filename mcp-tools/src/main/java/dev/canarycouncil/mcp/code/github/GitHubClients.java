package dev.canarycouncil.mcp.code.github;

import dev.canarycouncil.runtime.github.GitHubTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/** Builds the github-api client the code backend uses. */
final class GitHubClients {

    private GitHubClients() {}

    /**
     * A client that does no I/O until used and fails fast on rate limits: github-api's default
     * handlers sleep until the limit lifts (up to an hour), far past any tool-call deadline; the
     * agent is better told when to come back.
     */
    static GitHub create(GitHubRepository repository) {
        String authorization = "token " + repository.token();
        try {
            return new GitHubBuilder()
                    .withEndpoint(repository.apiUrl())
                    .withConnector(new GitHubTransport(repository.timeout()))
                    // A plain provider, not withOAuthToken(): that one makes build() fetch /user to learn the login.
                    .withAuthorizationProvider(() -> authorization)
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the GitHub client for " + repository.description(), e);
        }
    }
}
