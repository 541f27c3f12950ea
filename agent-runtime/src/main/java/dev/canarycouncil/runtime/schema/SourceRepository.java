package dev.canarycouncil.runtime.schema;

import java.util.regex.Pattern;

/**
 * A code repository a caller names for code search and issue filing, e.g. the rollouts plugin's
 * {@code repoUrl} and {@code baseBranch}. A name only: it is used when the configuration allows
 * that repository ({@link dev.canarycouncil.runtime.repository.RepositoryAllowList}), never because a request says so.
 *
 * @param url     {@code https://github.com/owner/name}, {@code git@github.com:owner/name.git} or
 *                {@code owner/name}; blank when the caller named none
 * @param branch  the branch to read code at; blank for the repository's default branch
 */
public record SourceRepository(String url, String branch) {

    public static final SourceRepository NONE = new SourceRepository("", "");

    /** Git's ref-name rules, in short: no spaces, control characters, "..", "~^:?*[\", or leading "-". */
    private static final Pattern BRANCH = Pattern.compile("(?!-)(?!.*\\.\\.)[A-Za-z0-9._/+@-]{1,200}");

    public SourceRepository {
        url = url == null ? "" : url.strip();
        branch = branch == null ? "" : branch.strip();
        if (url.length() > 500) {
            throw new IllegalArgumentException("repository URL is longer than 500 characters");
        }
        if (!branch.isEmpty() && !BRANCH.matcher(branch).matches()) {
            throw new IllegalArgumentException("branch is not a git branch name: " + branch);
        }
    }

    public boolean named() {
        return !url.isEmpty();
    }
}
