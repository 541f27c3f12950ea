package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local GitHub REST API (JDK HttpServer on 127.0.0.1, random port) that org.kohsuke:github-api 1.330
 * and plain HTTP clients can talk to. Thread-safe.
 *
 * <pre>{@code
 * try (GitHubFake github = GitHubFake.start("test-token")) {
 *     github.addFilesFrom("acme/checkout", Recordings.named("go-panic-index-out-of-range").resolve("repo"));
 *     github.addIssue("acme/checkout", "Old rollback", "body", List.of("canary"));   // seed for dedup tests
 *     GitHub gh = new GitHubBuilder().withEndpoint(github.url()).withOAuthToken("test-token")
 *             .withRateLimitHandler(GitHubRateLimitHandler.FAIL)      // default WAIT would sleep
 *             .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL).build();
 *     gh.getRepository("acme/checkout").createIssue("Rollback").body("...").label("canary").create();
 *     github.issues("acme/checkout");                   // -> [FakeIssue #1, FakeIssue #2]
 *     github.requests().get(0).header("Authorization"); // -> "token test-token"
 *     github.outage(503); github.recover();             // every request fails until recover()
 *     github.rateLimited(60);                           // secondary limit: 403 + Retry-After: 60
 *     github.primaryRateLimited(60);                    // 403 + X-RateLimit-Remaining: 0, reset in 60 s
 *     github.failNext(2, 502);                          // the next 2 requests fail
 *     github.latency(Duration.ofSeconds(3));            // every answer waits, for client timeouts
 * }
 * }</pre>
 *
 * Endpoints: {@code GET /}, {@code /user}, {@code /rate_limit}, {@code /repos/o/r},
 * {@code /repos/o/r/contents/PATH}, {@code /search/code}, {@code /search/issues};
 * {@code GET|POST /repos/o/r/issues}; {@code GET|PATCH /repos/o/r/issues/N};
 * {@code GET|POST /repos/o/r/issues/N/comments}. Every request needs an accepted token
 * ({@code Authorization: token T} or {@code Bearer T}), else 401 "Bad credentials".
 * Rate limits lift by themselves when their window passes (as on GitHub) or on {@link #recover()}.
 * Files are held as UTF-8 text. A module whose tests start another JDK HttpServer before this one
 * should run surefire with {@code -Dsun.net.httpserver.nodelay=true}, or each answer waits ~40 ms.
 */
public final class GitHubFake implements AutoCloseable {

    /** The login every accepted token belongs to. */
    public static final String LOGIN = "canary-council-bot";

    private static final int LIMIT = 5000;
    private static final Pattern REPO_PATH = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");
    private static final Pattern ISSUE_PATH = Pattern.compile("/issues/(\\d+)(/comments|/timeline)?");
    private static final Pattern PULL_PATH = Pattern.compile("/pulls/(\\d+)");
    /** How a pull request's body refers to an issue of its repository, as GitHub links it. */
    private static final Pattern ISSUE_REFERENCE = Pattern.compile("#(\\d+)\\b");

    static {
        // Without TCP_NODELAY each small JSON answer waits ~40 ms on Nagle and delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final GitHubJson json;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1000);
    private final long resetEpoch = Instant.now().plusSeconds(3600).getEpochSecond();
    // Everything below is guarded by this.
    private final Map<String, Repo> repos = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int outageStatus;
    private int failNextCount;
    private int failNextStatus;
    private Instant limitedUntil;
    private boolean primaryLimit;
    private Duration latency = Duration.ZERO;

    private GitHubFake(String... acceptedTokens) throws IOException {
        tokens.addAll(List.of(acceptedTokens));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "github-fake");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        json = new GitHubJson(url());
        server.start();
    }

    public static GitHubFake start(String... acceptedTokens) throws IOException {
        return new GitHubFake(acceptedTokens);
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:40123} (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public GitHubFake acceptToken(String token) {
        tokens.add(token);
        return this;
    }

    public synchronized GitHubFake addRepository(String repo) {
        repos.computeIfAbsent(repo, name -> new Repo(name, ids.incrementAndGet()));
        return this;
    }

    public synchronized GitHubFake addFile(String repo, String path, String text) {
        addRepository(repo);
        repos.get(repo).files.put(path.replaceAll("^/+", ""), text);
        return this;
    }

    /** Adds every regular file under {@code dir} (UTF-8) at its relative path, creating the repository. */
    public GitHubFake addFilesFrom(String repo, Path dir) throws IOException {
        addRepository(repo);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                addFile(repo, dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return this;
    }

    /** Seeds an open issue authored by {@link #LOGIN}. */
    public synchronized FakeIssue addIssue(String repo, String title, String body, List<String> labels) {
        addRepository(repo);
        return repos.get(repo).create(title, body, labels, List.of(), ids.incrementAndGet());
    }

    /**
     * Opens a pull request authored by {@link #LOGIN}; every {@code #N} in its body that names an
     * issue of the repository puts a "cross-referenced" event on that issue's timeline, as GitHub does.
     */
    public synchronized FakePullRequest openPullRequest(String repo, String title, String body) {
        addRepository(repo);
        Repo r = repos.get(repo);
        FakePullRequest pr = new FakePullRequest(
                r.fullName, r.nextNumber(), ids.incrementAndGet(), title, body, "open", Instant.now(), null, "");
        r.pulls.put(pr.number(), pr);
        Matcher m = ISSUE_REFERENCE.matcher(body == null ? "" : body);
        while (m.find()) {
            int issue = Integer.parseInt(m.group(1));
            if (r.issues.containsKey(issue)) {
                r.references.computeIfAbsent(issue, n -> new ArrayList<>()).add(pr.number());
            }
        }
        return pr;
    }

    /** Merges a pull request as the commit {@code sha}. */
    public synchronized FakePullRequest mergePullRequest(String repo, int number, String sha) {
        Repo r = repos.get(repo);
        FakePullRequest pr = r == null ? null : r.pulls.get(number);
        if (pr == null) {
            throw new IllegalArgumentException("no pull request #" + number + " in " + repo);
        }
        FakePullRequest merged = pr.mergedAs(sha, Instant.now());
        r.pulls.put(number, merged);
        return merged;
    }

    public synchronized FakeIssue closeIssue(String repo, int number) {
        Repo r = repos.get(repo);
        FakeIssue issue = r == null ? null : r.issues.get(number);
        if (issue == null) {
            throw new IllegalArgumentException("no issue #" + number + " in " + repo);
        }
        return r.put(issue.edited(issue.title(), issue.body(), issue.labels(), issue.assignees(), "closed"));
    }

    /** Every request answers {@code status} (e.g. 500, 502, 503) until {@link #recover()}. */
    public synchronized void outage(int status) {
        outageStatus = status;
    }

    /** GitHub's secondary rate limit: 403, {@code Retry-After}, a message naming "secondary rate limit". */
    public synchronized void rateLimited(long retryAfterSeconds) {
        limitedUntil = Instant.now().plusSeconds(retryAfterSeconds);
        primaryLimit = false;
    }

    /** The primary rate limit: 403 with {@code X-RateLimit-Remaining: 0} and {@code X-RateLimit-Reset}. */
    public synchronized void primaryRateLimited(long resetInSeconds) {
        limitedUntil = Instant.now().plusSeconds(resetInSeconds);
        primaryLimit = true;
    }

    /** The next {@code n} requests answer {@code status}, whatever they ask. */
    public synchronized void failNext(int n, int status) {
        failNextCount = n;
        failNextStatus = status;
    }

    /** Delays every answer, for client timeout tests. */
    public synchronized void latency(Duration delay) {
        latency = delay;
    }

    /** Ends outages, rate limits, pending failures and latency. */
    public synchronized void recover() {
        outageStatus = 0;
        failNextCount = 0;
        limitedUntil = null;
        latency = Duration.ZERO;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    /** The repository's issues, by number; empty for an unknown repository. */
    public synchronized List<FakeIssue> issues(String repo) {
        Repo r = repos.get(repo);
        return r == null ? List.of() : List.copyOf(r.issues.values());
    }

    public synchronized List<FakeComment> comments(String repo, int number) {
        Repo r = repos.get(repo);
        return r == null ? List.of() : List.copyOf(r.comments.getOrDefault(number, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply of(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply;
            try {
                reply = answer(request);
            } catch (RuntimeException e) {
                reply = Reply.of(500, json.error("fake failed: " + e));
            }
            Map<String, String> out = new LinkedHashMap<>(rateHeaders(request.path()));
            out.putAll(reply.headers());
            out.put("Content-Type", "application/json; charset=utf-8");
            out.put("X-GitHub-Media-Type", "github.v3; format=json");
            out.put("X-GitHub-Request-Id", Long.toHexString(ids.incrementAndGet()));
            out.forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = GitHubJson.MAPPER.writeValueAsBytes(reply.body());
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply answer(RecordedRequest request) {
        Duration delay;
        synchronized (this) {
            requests.add(request);
            delay = latency;
        }
        sleep(delay);
        synchronized (this) {
            if (outageStatus != 0) {
                return Reply.of(outageStatus, json.error(reason(outageStatus)));
            }
            if (failNextCount > 0) {
                failNextCount--;
                return Reply.of(failNextStatus, json.error(reason(failNextStatus)));
            }
            if (!tokens.contains(token(request.header("Authorization")))) {
                return Reply.of(401, json.error("Bad credentials"));
            }
            if (limitedUntil != null && Instant.now().isBefore(limitedUntil)) {
                return limited();
            }
            return route(request);
        }
    }

    private Reply limited() {
        // Rounded up, so a client that waits exactly Retry-After finds the limit lifted.
        long seconds =
                Math.max(1, (Duration.between(Instant.now(), limitedUntil).toMillis() + 999) / 1000);
        if (primaryLimit) {
            return new Reply(
                    403,
                    json.error("API rate limit exceeded for user ID 1."),
                    Map.of(
                            "X-RateLimit-Remaining",
                            "0",
                            "X-RateLimit-Used",
                            String.valueOf(LIMIT),
                            "X-RateLimit-Reset",
                            String.valueOf(limitedUntil.getEpochSecond())));
        }
        return new Reply(
                403,
                json.error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."),
                Map.of("Retry-After", String.valueOf(seconds)));
    }

    private Reply route(RecordedRequest request) {
        String path = request.path();
        boolean get = request.method().equals("GET");
        if (get && (path.isEmpty() || path.equals("/"))) {
            return Reply.of(200, json.root());
        }
        if (get && path.equals("/user")) {
            return Reply.of(200, json.user(LOGIN));
        }
        if (get && path.equals("/rate_limit")) {
            return Reply.of(200, json.rateLimit(LIMIT, remaining(), resetEpoch));
        }
        if (get && path.equals("/search/code")) {
            String accept = String.valueOf(request.header("Accept"));
            return searchCode(SearchQuery.parse(request.param("q")), accept.contains("text-match"), request);
        }
        if (get && path.equals("/search/issues")) {
            return searchIssues(SearchQuery.parse(request.param("q")), request);
        }
        Matcher repoPath = REPO_PATH.matcher(path);
        Repo repo = repoPath.matches() ? repos.get(repoPath.group(1) + "/" + repoPath.group(2)) : null;
        if (repo == null) {
            return notFound();
        }
        String rest = repoPath.group(3) == null ? "" : repoPath.group(3).replaceAll("/+$", "");
        if (get && rest.isEmpty()) {
            return Reply.of(200, json.repo(repo.fullName, repo.id, repo.openIssues()));
        }
        if (get && rest.startsWith("/contents/")) {
            String file = rest.substring("/contents/".length());
            String text = repo.files.get(file);
            return text == null ? notFound() : Reply.of(200, json.file(repo.fullName, file, text, true));
        }
        if (rest.equals("/issues")) {
            return switch (request.method()) {
                case "POST" -> createIssue(repo, parse(request.body()));
                case "GET" -> listIssues(repo, request.params().getOrDefault("state", "open"));
                default -> notFound();
            };
        }
        Matcher pullPath = PULL_PATH.matcher(rest);
        if (get && pullPath.matches()) {
            FakePullRequest pr = repo.pulls.get(Integer.parseInt(pullPath.group(1)));
            return pr == null ? notFound() : Reply.of(200, json.pullRequest(pr));
        }
        Matcher issuePath = ISSUE_PATH.matcher(rest);
        FakeIssue issue = issuePath.matches() ? repo.issues.get(Integer.parseInt(issuePath.group(1))) : null;
        if (issue == null) {
            return notFound();
        }
        if (get && "/timeline".equals(issuePath.group(2))) {
            return Reply.of(
                    200,
                    array(repo.references.getOrDefault(issue.number(), List.of()).stream()
                            .map(n -> json.crossReference(repo.pulls.get(n), json.repo(repo.fullName, repo.id, 0)))
                            .toList()));
        }
        String key = request.method() + (issuePath.group(2) == null ? "" : " comments");
        return switch (key) {
            case "GET" -> Reply.of(200, json.issue(issue, repo.commentCount(issue.number())));
            case "PATCH" -> editIssue(repo, issue, parse(request.body()));
            case "GET comments" ->
                Reply.of(
                        200,
                        array(repo.comments.getOrDefault(issue.number(), List.of()).stream()
                                .map(json::comment)
                                .toList()));
            case "POST comments" -> addComment(repo, issue, parse(request.body()));
            default -> notFound();
        };
    }

    private Reply createIssue(Repo repo, JsonNode body) {
        String title = body.path("title").asText("");
        if (title.isBlank()) {
            return validationFailed("Issue", "title");
        }
        List<String> assignees = new ArrayList<>(strings(body.path("assignees")));
        if (body.hasNonNull("assignee")) {
            assignees.add(body.get("assignee").asText());
        }
        FakeIssue issue = repo.create(
                title, body.path("body").asText(null), strings(body.path("labels")), assignees, ids.incrementAndGet());
        return Reply.of(201, json.issue(issue, 0));
    }

    private Reply editIssue(Repo repo, FakeIssue issue, JsonNode body) {
        FakeIssue edited = repo.put(issue.edited(
                body.path("title").asText(issue.title()),
                body.has("body") ? body.get("body").asText(null) : issue.body(),
                body.has("labels") ? strings(body.get("labels")) : issue.labels(),
                body.has("assignees") ? strings(body.get("assignees")) : issue.assignees(),
                body.path("state").asText(issue.state())));
        return Reply.of(200, json.issue(edited, repo.commentCount(issue.number())));
    }

    private Reply addComment(Repo repo, FakeIssue issue, JsonNode body) {
        if (!body.hasNonNull("body")) {
            return validationFailed("IssueComment", "body");
        }
        FakeComment comment = new FakeComment(
                repo.fullName,
                issue.number(),
                ids.incrementAndGet(),
                body.get("body").asText(),
                LOGIN,
                Instant.now());
        repo.comments.computeIfAbsent(issue.number(), n -> new ArrayList<>()).add(comment);
        return Reply.of(201, json.comment(comment));
    }

    private Reply listIssues(Repo repo, String state) {
        return Reply.of(
                200,
                array(repo.issues.values().stream()
                        .filter(i -> state.equals("all") || i.state().equals(state))
                        .map(i -> json.issue(i, repo.commentCount(i.number())))
                        .toList()));
    }

    private Reply searchCode(SearchQuery query, boolean textMatch, RecordedRequest request) {
        if (query.terms().isEmpty()) {
            return validationFailed("Search", "q");
        }
        boolean inPath = query.all("in").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("path"));
        boolean inFile = query.all("in").isEmpty()
                || query.all("in").stream()
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("file"));
        List<ObjectNode> items = new ArrayList<>();
        for (Repo repo : searched(query)) {
            ObjectNode repoJson = json.repo(repo.fullName, repo.id, repo.openIssues());
            repo.files.forEach((path, text) -> {
                String name = path.substring(path.lastIndexOf('/') + 1);
                boolean located = query.all("path").stream().allMatch(p -> pathMatches(path, p))
                        && query.all("filename").stream().allMatch(f -> glob(name, f))
                        && query.all("extension").stream()
                                .allMatch(
                                        e -> name.toLowerCase(Locale.ROOT).endsWith("." + e.toLowerCase(Locale.ROOT)));
                if (located && ((inFile && query.matches(text)) || (inPath && query.matches(path)))) {
                    ObjectNode item =
                            json.file(repo.fullName, path, text, false).put("score", 1.0);
                    item.remove(List.of("type", "size", "download_url"));
                    item.set("repository", repoJson);
                    if (textMatch) {
                        item.set(
                                "text_matches", json.textMatches(item.get("url").asText(), text, query.terms()));
                    }
                    items.add(item);
                }
            });
        }
        return page(items, request);
    }

    private Reply searchIssues(SearchQuery query, RecordedRequest request) {
        boolean pullRequests = query.has("is", "pr") || query.has("type", "pr");
        List<String> in = query.all("in").stream()
                .flatMap(v -> Stream.of(v.toLowerCase(Locale.ROOT).split(",")))
                .toList();
        List<ObjectNode> items = new ArrayList<>();
        for (Repo repo : searched(query)) {
            for (FakeIssue issue : repo.issues.values()) {
                String state = query.has("is", "open") || query.has("state", "open")
                        ? "open"
                        : query.has("is", "closed") || query.has("state", "closed") ? "closed" : issue.state();
                String text = (in.isEmpty() || in.contains("title") ? issue.title() + "\n" : "")
                        + (in.isEmpty() || in.contains("body") ? Objects.toString(issue.body(), "") : "");
                if (!pullRequests
                        && issue.state().equals(state)
                        && query.matches(text)
                        && query.all("label").stream()
                                .allMatch(l -> issue.labels().stream().anyMatch(l::equalsIgnoreCase))
                        && query.all("author").stream().allMatch(issue.author()::equalsIgnoreCase)) {
                    items.add(
                            json.issue(issue, repo.commentCount(issue.number())).put("score", 1.0));
                }
            }
        }
        return page(items, request);
    }

    private List<Repo> searched(SearchQuery query) {
        return repos.values().stream()
                .filter(r -> query.all("repo").isEmpty()
                        || query.all("repo").stream().anyMatch(r.fullName::equalsIgnoreCase))
                .filter(r -> Stream.concat(query.all("user").stream(), query.all("org").stream())
                        .allMatch(owner ->
                                r.fullName.toLowerCase(Locale.ROOT).startsWith(owner.toLowerCase(Locale.ROOT) + "/")))
                .toList();
    }

    /** {@code path:} as GitHub reads it: "/" is the root, a glob matches the whole path, else a directory or path fragment. */
    private static boolean pathMatches(String path, String qualifier) {
        String q = qualifier.replaceAll("^/+|/+$", "");
        if (q.isEmpty()) {
            return !path.contains("/");
        }
        return q.contains("*") ? glob(path, q) : path.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    private static boolean glob(String value, String pattern) {
        return FileSystems.getDefault()
                .getPathMatcher("glob:" + pattern.toLowerCase(Locale.ROOT))
                .matches(Path.of(value.toLowerCase(Locale.ROOT)));
    }

    private Reply page(List<ObjectNode> items, RecordedRequest request) {
        int perPage = Math.min(100, Integer.parseInt(request.params().getOrDefault("per_page", "30")));
        int page = Math.max(1, Integer.parseInt(request.params().getOrDefault("page", "1")));
        ObjectNode body = GitHubJson.MAPPER
                .createObjectNode()
                .put("total_count", items.size())
                .put("incomplete_results", false);
        body.putArray("items")
                .addAll(items.stream()
                        .skip((long) (page - 1) * perPage)
                        .limit(perPage)
                        .toList());
        return Reply.of(200, body);
    }

    private Reply notFound() {
        return Reply.of(404, json.error("Not Found"));
    }

    private Reply validationFailed(String resource, String field) {
        ObjectNode body = json.error("Validation Failed");
        body.putArray("errors")
                .addObject()
                .put("resource", resource)
                .put("code", "missing_field")
                .put("field", field);
        return Reply.of(422, body);
    }

    private synchronized Map<String, String> rateHeaders(String path) {
        return Map.of(
                "X-RateLimit-Limit",
                String.valueOf(LIMIT),
                "X-RateLimit-Remaining",
                String.valueOf(remaining()),
                "X-RateLimit-Used",
                String.valueOf(LIMIT - remaining()),
                "X-RateLimit-Reset",
                String.valueOf(resetEpoch),
                "X-RateLimit-Resource",
                path.startsWith("/search/") ? "search" : "core");
    }

    private int remaining() {
        return Math.max(0, LIMIT - requests.size());
    }

    private static String token(String authorization) {
        if (authorization == null) {
            return "";
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && (parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"))
                ? parts[1]
                : "";
    }

    private static String reason(int status) {
        return switch (status) {
            case 401 -> "Bad credentials";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 422 -> "Validation Failed";
            case 502 -> "Server Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error " + status;
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        // Labels may be posted as names or as objects with a name.
        array.forEach(n -> values.add(n.isObject() ? n.path("name").asText() : n.asText()));
        return values;
    }

    private static ArrayNode array(List<ObjectNode> nodes) {
        return GitHubJson.MAPPER.createArrayNode().addAll(nodes);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? GitHubJson.MAPPER.createObjectNode() : GitHubJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("request body is not JSON", e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One repository's files, issues and comments; guarded by the fake's lock. */
    private static final class Repo {
        final String fullName;
        final long id;
        final Map<String, String> files = new TreeMap<>();
        final Map<Integer, FakeIssue> issues = new TreeMap<>();
        final Map<Integer, List<FakeComment>> comments = new HashMap<>();
        final Map<Integer, FakePullRequest> pulls = new TreeMap<>();
        /** Issue number to the pull requests that refer to it, in order. */
        final Map<Integer, List<Integer>> references = new HashMap<>();

        Repo(String fullName, long id) {
            if (!fullName.matches("[^/\\s]+/[^/\\s]+")) {
                throw new IllegalArgumentException("repository must be owner/name, got '" + fullName + "'");
            }
            this.fullName = fullName;
            this.id = id;
        }

        FakeIssue create(String title, String body, List<String> labels, List<String> assignees, long id) {
            Instant now = Instant.now();
            return put(
                    new FakeIssue(fullName, nextNumber(), id, title, body, labels, assignees, "open", LOGIN, now, now));
        }

        /** Issues and pull requests share one sequence of numbers, as on GitHub. */
        int nextNumber() {
            return issues.size() + pulls.size() + 1;
        }

        FakeIssue put(FakeIssue issue) {
            issues.put(issue.number(), issue);
            return issue;
        }

        int commentCount(int number) {
            return comments.getOrDefault(number, List.of()).size();
        }

        int openIssues() {
            return (int) issues.values().stream().filter(FakeIssue::open).count();
        }
    }
}
