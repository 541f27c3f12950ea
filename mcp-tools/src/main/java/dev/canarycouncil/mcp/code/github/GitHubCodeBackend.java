package dev.canarycouncil.mcp.code.github;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.canarycouncil.mcp.code.CodeBackend;
import dev.canarycouncil.mcp.code.CodeHit;
import dev.canarycouncil.mcp.code.FileSlice;
import dev.canarycouncil.mcp.code.SourceLines;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHContentSearchBuilder;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * Code search and file reading in a repository on GitHub, with the same answers as
 * {@link dev.canarycouncil.mcp.code.LocalRepositoryCodeBackend} over a checkout of it: GitHub's code
 * search only names files, so each named file is read through the contents API and searched line
 * by line here (case-insensitive literal match). Work is bounded: at most {@code maxResults} files
 * are read per search, files over 1 MB are skipped, and each tool call has one deadline.
 */
public final class GitHubCodeBackend implements CodeBackend {

    /** Above this GitHub's contents API stops inlining a file. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Search results looked at before giving up on finding files that pass the path filter. */
    private static final int MAX_ITEMS_SCANNED = 300;

    private final GitHubRepository repository;
    private final GitHub github;
    private final GitHubErrors errors;
    private final ExecutorService calls = Executors.newCachedThreadPool(DaemonThreads.named("github-code"));
    private GHRepository repo; // guarded by this; cached once GitHub confirmed it exists

    public GitHubCodeBackend(GitHubRepository repository) {
        this(repository, GitHubClients.create(repository), Clock.systemUTC());
    }

    GitHubCodeBackend(GitHubRepository repository, GitHub github, Clock clock) {
        this.repository = repository;
        this.github = github;
        this.errors = new GitHubErrors(repository, clock);
    }

    @Override
    public List<CodeHit> search(String query, String pathFilter, int maxResults) {
        if (query == null || query.isBlank()) {
            throw new ToolException(Kind.INVALID_ARGUMENT, "the search text is empty");
        }
        String action = "search code in " + repository.fullName();
        return withinDeadline(action, () -> {
            GHRepository r = repository(action);
            String needle = query.toLowerCase(Locale.ROOT);
            List<CodeHit> hits = new ArrayList<>();
            for (String path : candidates(query, pathFilter, maxResults)) {
                SourceLines.collectHits(path, searchableLines(r, path), needle, maxResults, hits);
                if (hits.size() >= maxResults) {
                    break;
                }
            }
            return hits;
        });
    }

    @Override
    public FileSlice read(String path, int startLine, int endLine) {
        String clean = normalize(path);
        String action = "read " + clean + " in " + repository.fullName();
        return withinDeadline(action, () -> {
            GHContent content = file(repository(action), clean);
            if (content == null) {
                throw new ToolException(
                        Kind.NOT_FOUND, "no file " + path + " in the repository " + repository.fullName());
            }
            if (endLine < startLine) {
                throw new ToolException(
                        Kind.INVALID_ARGUMENT, "endLine " + endLine + " is before startLine " + startLine);
            }
            if (content.getSize() > MAX_FILE_BYTES || !"base64".equals(content.getEncoding())) {
                throw new ToolException(Kind.UNSUPPORTED, path + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return SourceLines.slice(clean, textLines(content), startLine, endLine);
        });
    }

    /** The files GitHub's index names for the text, sorted by path like the local backend walks them. */
    private List<String> candidates(String query, String pathFilter, int maxResults) {
        boolean qualify = pathFilter != null
                && !pathFilter.isBlank()
                && pathFilter.chars().noneMatch(Character::isWhitespace);
        List<String> paths = searchPaths(query, qualify ? pathFilter : null, pathFilter, maxResults);
        if (paths.isEmpty() && qualify) {
            // GitHub reads path: as a directory, so a file-name fragment the local filter accepts
            // ("main.go") finds nothing there; ask again without it and filter here.
            paths = searchPaths(query, null, pathFilter, maxResults);
        }
        return paths.stream().sorted().toList();
    }

    private List<String> searchPaths(String query, String qualifier, String filter, int maxResults) {
        // Quoted, as GitHub otherwise splits the text into words; its index ignores punctuation,
        // which is why the exact match is made here, line by line.
        GHContentSearchBuilder search = github.searchContent()
                .q("\"" + query.replace('"', ' ').strip() + "\"")
                .repo(repository.fullName())
                .in("file");
        if (qualifier != null) {
            search.path(qualifier);
        }
        Set<String> paths = new LinkedHashSet<>();
        int scanned = 0;
        for (GHContent item : search.list().withPageSize(100)) {
            if (paths.size() >= maxResults || ++scanned > MAX_ITEMS_SCANNED) {
                break;
            }
            if (filter == null || item.getPath().contains(filter)) {
                paths.add(item.getPath());
            }
        }
        return new ArrayList<>(paths);
    }

    /** A search hit's lines, or none when it is gone since GitHub indexed it, too large, or binary. */
    private List<String> searchableLines(GHRepository r, String path) throws IOException {
        GHContent content = file(r, normalize(path));
        if (content == null || content.getSize() > MAX_FILE_BYTES || !"base64".equals(content.getEncoding())) {
            return List.of();
        }
        return textLines(content);
    }

    /** The file at the configured ref, or null when there is no file (404, a directory, a submodule). */
    private GHContent file(GHRepository r, String path) throws IOException {
        if (path.isEmpty()) {
            return null;
        }
        try {
            GHContent content = r.getFileContent(encode(path), repository.ref());
            return content.isFile() ? content : null;
        } catch (GHFileNotFoundException e) {
            return null;
        } catch (IOException e) {
            if (causedBy(e, MismatchedInputException.class)) {
                return null; // the contents API lists a directory as an array, not a file
            }
            throw e;
        }
    }

    private synchronized GHRepository repository(String action) throws IOException {
        if (repo == null) {
            try {
                repo = github.getRepository(repository.fullName());
            } catch (GHFileNotFoundException e) {
                throw new ToolException(
                        Kind.NOT_FOUND,
                        "no repository " + repository.fullName() + " on GitHub at " + repository.apiUrl()
                                + " (or the token may not see it), asked to " + action);
            }
        }
        return repo;
    }

    private <T> T withinDeadline(String action, Callable<T> work) {
        Future<T> future = calls.submit(work);
        try {
            return future.get(repository.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw errors.timedOut(action);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ToolException(Kind.TIMEOUT, "interrupted while waiting for GitHub to " + action);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ToolException tool) {
                throw tool;
            }
            throw errors.translate(e.getCause(), action, "cannot " + action + ": GitHub answered 404 Not Found");
        }
    }

    /** Lines as the local backend splits them; none for a file that looks binary (has NUL bytes). */
    private static List<String> textLines(GHContent content) throws IOException {
        String text;
        try (InputStream in = content.read()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return SourceLines.read(new StringReader(text));
    }

    /** The path inside the repository, without ".", ".." or leading slashes; never above the root. */
    private static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new ToolException(Kind.INVALID_ARGUMENT, "path " + path + " is outside the repository");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** github-api puts the path into the URL as given, so each segment is escaped here. */
    private static String encode(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", segments);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
