package dev.canarycouncil.mcp.code;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;

/**
 * Where the code tools read the repository a call names: the configured one when it names none,
 * else one the configuration allows ({@link dev.canarycouncil.runtime.repository.RepositoryAllowList}),
 * else a NOT_ALLOWED refusal. A call's {@code repository} argument is a name to check, never a location.
 */
public interface CodeSources {

    /**
     * @param repository {@code owner/name}, or blank for the configured repository
     * @param branch     the branch to read at, or blank for the configured one
     */
    CodeBackend of(String repository, String branch);

    /** Only this backend (a local checkout, a recording's repo/, none): a named repository or branch is refused. */
    static CodeSources only(CodeBackend backend, String what) {
        return (repository, branch) -> {
            if (!repository.isBlank() || !branch.isBlank()) {
                throw new ToolException(
                        Kind.NOT_ALLOWED,
                        "the code tools read " + what + " only; repository "
                                + (repository.isBlank() ? "" : repository) + (branch.isBlank() ? "" : "@" + branch)
                                + " cannot be searched (configure --github-repo and --github-allowed-repos for that)");
            }
            return backend;
        };
    }
}
