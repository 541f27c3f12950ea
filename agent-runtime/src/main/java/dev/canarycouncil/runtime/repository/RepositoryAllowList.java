package dev.canarycouncil.runtime.repository;

import dev.canarycouncil.runtime.schema.SourceRepository;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which repositories a request may name for code search and issue filing: the configured one and
 * those listed ({@code --github-allowed-repos}), all on the configured GitHub and read with the
 * configured token. A request naming another repository, or one on another host, gets the
 * configured repository instead, and a note saying so: never a repository a request merely names.
 *
 * @param configured  {@code owner/name} of the configured repository; blank when none is configured
 * @param allowed     further {@code owner/name}s a request may name
 * @param apiUrl      the configured GitHub API, which decides the host a repository URL must be on
 */
public record RepositoryAllowList(String configured, Set<String> allowed, String apiUrl) {

    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern WEB_PATH = Pattern.compile("/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?");
    private static final Pattern SSH =
            Pattern.compile("git@([A-Za-z0-9.-]+):([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?");
    public static final String GITHUB_API = "https://api.github.com";

    public RepositoryAllowList {
        configured = configured == null ? "" : configured.strip();
        if (!configured.isEmpty() && !FULL_NAME.matcher(configured).matches()) {
            throw new IllegalArgumentException("repository must be owner/name, was " + configured);
        }
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : allowed == null ? Set.<String>of() : allowed) {
            String n = name.strip();
            if (!FULL_NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("allowed repository must be owner/name, was " + name);
            }
            names.add(n);
        }
        if (!names.isEmpty() && configured.isEmpty()) {
            throw new IllegalArgumentException(
                    "allowed repositories need a configured repository (--github-repo) " + "whose token reads them");
        }
        allowed = Collections.unmodifiableSet(names);
        apiUrl =
                apiUrl == null || apiUrl.isBlank() ? GITHUB_API : apiUrl.strip().replaceAll("/+$", "");
    }

    /** No repository configured: every named repository is refused. */
    public static RepositoryAllowList none() {
        return new RepositoryAllowList("", Set.of(), GITHUB_API);
    }

    /** What to use for a request that names {@code named}. */
    public RepositoryChoice choose(SourceRepository named) {
        if (!named.named()) {
            return new RepositoryChoice(configured, "", "", false);
        }
        Optional<String> fullName = fullName(named.url());
        String fallback = configured.isEmpty()
                ? "no GitHub repository is configured, so the code tools' own source is searched and the issue stays a draft"
                : "the configured repository " + configured + " is used instead";
        if (fullName.isEmpty()) {
            return new RepositoryChoice(
                    configured,
                    "",
                    "the request named repository " + named.url() + ", which is not a repository on " + webHost() + "; "
                            + fallback,
                    false);
        }
        String name = fullName.get();
        if (allows(name)) {
            return new RepositoryChoice(name, named.branch(), "", true);
        }
        return new RepositoryChoice(
                configured,
                "",
                "the request named repository " + name + ", which is not in the allow-list (--github-allowed-repos); "
                        + fallback,
                false);
    }

    /** True when code tools and filing may use {@code fullName}. */
    public boolean allows(String fullName) {
        return fullName.equalsIgnoreCase(configured) || allowed.contains(fullName);
    }

    /**
     * {@code owner/name} of a repository URL on the configured GitHub ({@code github.com} for
     * {@value #GITHUB_API}, else the API's own host), or of a bare {@code owner/name}.
     */
    Optional<String> fullName(String url) {
        if (FULL_NAME.matcher(url).matches()) {
            return Optional.of(url);
        }
        Matcher ssh = SSH.matcher(url);
        if (ssh.matches()) {
            return ssh.group(1).equalsIgnoreCase(webHost())
                    ? Optional.of(ssh.group(2) + "/" + ssh.group(3))
                    : Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Matcher path = WEB_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!host.equalsIgnoreCase(webHost()) || !path.matches()) {
            return Optional.empty();
        }
        return Optional.of(path.group(1) + "/" + path.group(2));
    }

    /** Where the configured GitHub serves its web pages: github.com for the public API, the API's host for Enterprise. */
    private String webHost() {
        URI api = URI.create(apiUrl);
        if ("api.github.com".equalsIgnoreCase(api.getHost())) {
            return "github.com";
        }
        return api.getPort() < 0 ? api.getHost() : api.getHost() + ":" + api.getPort();
    }

    @Override
    public String toString() {
        return "RepositoryAllowList[" + configured + " + " + allowed + " on " + webHost() + "]";
    }
}
