package dev.canarycouncil.launcher;

import dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend;
import dev.canarycouncil.mcp.code.github.GitHubCodeSources;
import dev.canarycouncil.mcp.code.github.GitHubRepository;
import dev.canarycouncil.mcp.server.ToolBackends;
import dev.canarycouncil.runtime.repository.RepositoryAllowList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where the code tools search the service's source: a GitHub repository (token from the
 * environment only) or a local checkout; default: the recording's {@code repo/}, or none.
 */
final class CodeOptions {

    static final String TOKEN_ENV = "CANARY_COUNCIL_GITHUB_TOKEN";

    @Option(
            names = "--github-repo",
            paramLabel = "OWNER/NAME",
            defaultValue = "${env:CANARY_COUNCIL_GITHUB_REPO}",
            description = "Search the service's code in this GitHub repository (env CANARY_COUNCIL_GITHUB_REPO; "
                    + "token in env " + TOKEN_ENV + ").")
    String githubRepo;

    @Option(
            names = "--github-allowed-repos",
            paramLabel = "OWNER/NAME",
            split = ",",
            defaultValue = "${env:CANARY_COUNCIL_GITHUB_ALLOWED_REPOS}",
            description =
                    "Further repositories a caller may name (the rollouts plugin's githubUrl) for code search and "
                            + "issue filing, read with the same token (env CANARY_COUNCIL_GITHUB_ALLOWED_REPOS). Any other "
                            + "repository a request names is ignored, and the verdict's issue says so.")
    List<String> allowedRepos;

    @Option(
            names = "--github-url",
            paramLabel = "URL",
            defaultValue = GitHubRepository.DEFAULT_API_URL,
            description = "GitHub API URL, for GitHub Enterprise (default: ${DEFAULT-VALUE}).")
    String githubUrl;

    @Option(names = "--code-dir", paramLabel = "DIR", description = "Search the service's code in this local checkout.")
    Path codeDir;

    /** The repositories a request may name: the --github-repo and the --github-allowed-repos. */
    RepositoryAllowList allowList() {
        List<String> allowed = allowedRepos == null
                ? List.of()
                : allowedRepos.stream()
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .toList();
        if (!allowed.isEmpty() && (githubRepo == null || githubRepo.isBlank())) {
            throw new UsageException(
                    "--github-allowed-repos needs --github-repo: the allowed repositories are read with its token and API URL");
        }
        try {
            return new RepositoryAllowList(githubRepo, Set.copyOf(allowed), githubUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--github-allowed-repos: " + e.getMessage());
        }
    }

    ToolBackends apply(ToolBackends backends) {
        if (githubRepo != null && !githubRepo.isBlank() && codeDir != null) {
            throw new UsageException("give either --github-repo or --code-dir, not both");
        }
        RepositoryAllowList allowList = allowList();
        if (codeDir != null) {
            if (!Files.isDirectory(codeDir)) {
                throw new UsageException("--code-dir " + codeDir + " is not a directory");
            }
            return backends.withCode(new LocalRepositoryCodeBackend(codeDir), "code in " + codeDir);
        }
        if (githubRepo == null || githubRepo.isBlank()) {
            return backends;
        }
        GitHubRepository repository;
        try {
            repository =
                    GitHubRepository.of(githubRepo, System.getenv(TOKEN_ENV)).withApiUrl(githubUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--github-repo: " + e.getMessage());
        }
        return backends.withCode(
                new GitHubCodeSources(repository, allowList),
                repository.description()
                        + (allowList.allowed().isEmpty()
                                ? ""
                                : " (requests may name " + String.join(", ", allowList.allowed()) + ")"));
    }
}
