package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** GitHub's REST JSON shapes, with the fields org.kohsuke:github-api and plain clients read. */
final class GitHubJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** GitHub's contents API stops inlining content above 1 MB. */
    static final int MAX_INLINE_BYTES = 1024 * 1024;

    private final String api;

    GitHubJson(String api) {
        this.api = api;
    }

    ObjectNode error(String message) {
        return MAPPER.createObjectNode()
                .put("message", message)
                .put("documentation_url", "https://docs.github.com/rest");
    }

    ObjectNode root() {
        return MAPPER.createObjectNode()
                .put("current_user_url", api + "/user")
                .put("rate_limit_url", api + "/rate_limit")
                .put("repository_url", api + "/repos/{owner}/{repo}")
                .put("code_search_url", api + "/search/code?q={query}")
                .put("issue_search_url", api + "/search/issues?q={query}");
    }

    ObjectNode user(String login) {
        return MAPPER.createObjectNode()
                .put("login", login)
                .put("id", Math.abs(login.hashCode()))
                .put("node_id", "U_" + login)
                .put("type", "User")
                .put("site_admin", false)
                .put("url", api + "/users/" + login)
                .put("html_url", api + "/" + login)
                .put("avatar_url", api + "/avatars/" + login);
    }

    /** github-api requires core, search, graphql and integration_manifest. */
    ObjectNode rateLimit(int limit, int remaining, long reset) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode resources = root.putObject("resources");
        resources.set("core", limits(limit, remaining, reset));
        resources.set("search", limits(30, 30, reset));
        resources.set("code_search", limits(10, 10, reset));
        resources.set("graphql", limits(5000, 5000, reset));
        resources.set("integration_manifest", limits(5000, 5000, reset));
        root.set("rate", limits(limit, remaining, reset));
        return root;
    }

    private static ObjectNode limits(int limit, int remaining, long reset) {
        return MAPPER.createObjectNode()
                .put("limit", limit)
                .put("remaining", remaining)
                .put("reset", reset)
                .put("used", limit - remaining);
    }

    ObjectNode repo(String fullName, long id, int openIssues) {
        String owner = fullName.substring(0, fullName.indexOf('/'));
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", id)
                .put("node_id", "R_" + id)
                .put("name", fullName.substring(fullName.indexOf('/') + 1))
                .put("full_name", fullName)
                .put("private", false)
                .put("visibility", "public")
                .put("fork", false)
                .put("archived", false)
                .put("default_branch", "main")
                .put("has_issues", true)
                .put("open_issues_count", openIssues)
                .put("open_issues", openIssues)
                .put("url", api + "/repos/" + fullName)
                .put("html_url", api + "/" + fullName)
                .put("issues_url", api + "/repos/" + fullName + "/issues{/number}")
                .put("created_at", "2024-01-01T00:00:00Z")
                .put("updated_at", "2024-01-01T00:00:00Z")
                .put("pushed_at", "2024-01-01T00:00:00Z");
        node.set("owner", user(owner).put("type", "Organization"));
        node.putObject("permissions").put("admin", false).put("push", true).put("pull", true);
        return node;
    }

    ObjectNode issue(FakeIssue issue, int comments) {
        String url = api + "/repos/" + issue.repo() + "/issues/" + issue.number();
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", issue.id())
                .put("node_id", "I_" + issue.id())
                .put("url", url)
                .put("repository_url", api + "/repos/" + issue.repo())
                .put("comments_url", url + "/comments")
                .put("labels_url", url + "/labels{/name}")
                .put("events_url", url + "/events")
                .put("html_url", api + "/" + issue.repo() + "/issues/" + issue.number())
                .put("number", issue.number())
                .put("state", issue.state())
                .put("title", issue.title())
                .put("body", issue.body())
                .put("locked", false)
                .put("comments", comments)
                .put("author_association", "OWNER")
                .put("created_at", time(issue.createdAt()))
                .put("updated_at", time(issue.updatedAt()));
        node.put("closed_at", issue.open() ? null : time(issue.updatedAt()));
        node.set("user", user(issue.author()));
        ArrayNode labels = node.putArray("labels");
        for (String label : issue.labels()) {
            labels.addObject()
                    .put("id", Math.abs(label.hashCode()))
                    .put("node_id", "LA_" + label.hashCode())
                    .put("url", api + "/repos/" + issue.repo() + "/labels/" + label)
                    .put("name", label)
                    .put("color", "ededed")
                    .put("default", false)
                    .putNull("description");
        }
        ArrayNode assignees = node.putArray("assignees");
        issue.assignees().forEach(a -> assignees.add(user(a)));
        node.set(
                "assignee",
                issue.assignees().isEmpty() ? null : user(issue.assignees().get(0)));
        node.putNull("milestone");
        return node;
    }

    ObjectNode pullRequest(FakePullRequest pr) {
        String url = api + "/repos/" + pr.repo() + "/pulls/" + pr.number();
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", pr.id())
                .put("node_id", "PR_" + pr.id())
                .put("url", url)
                .put("html_url", api + "/" + pr.repo() + "/pull/" + pr.number())
                .put("issue_url", api + "/repos/" + pr.repo() + "/issues/" + pr.number())
                .put("number", pr.number())
                .put("state", pr.state())
                .put("locked", false)
                .put("title", pr.title())
                .put("body", pr.body())
                .put("created_at", time(pr.createdAt()))
                .put("updated_at", time(pr.merged() ? pr.mergedAt() : pr.createdAt()))
                .put("draft", false)
                .put("merged", pr.merged())
                .put("mergeable_state", "clean")
                .put("comments", 0)
                .put("author_association", "OWNER");
        node.put("closed_at", pr.merged() ? time(pr.mergedAt()) : null);
        node.put("merged_at", pr.merged() ? time(pr.mergedAt()) : null);
        node.put("merge_commit_sha", pr.merged() ? pr.mergeCommit() : null);
        node.set("user", user(GitHubFake.LOGIN));
        node.putObject("head").put("ref", "fix-" + pr.number()).put("sha", "0".repeat(40));
        node.putObject("base").put("ref", "main").put("sha", "1".repeat(40));
        return node;
    }

    /** A timeline event: the pull request {@code pr} of {@code repository} mentioned the issue. */
    ObjectNode crossReference(FakePullRequest pr, ObjectNode repository) {
        ObjectNode event = MAPPER.createObjectNode()
                .put("event", "cross-referenced")
                .put("created_at", time(pr.createdAt()))
                .put("updated_at", time(pr.createdAt()));
        event.set("actor", user(GitHubFake.LOGIN));
        ObjectNode source = event.putObject("source").put("type", "issue");
        ObjectNode issue = source.putObject("issue")
                .put("id", pr.id())
                .put("number", pr.number())
                .put("title", pr.title())
                .put("state", pr.state())
                .put("html_url", api + "/" + pr.repo() + "/pull/" + pr.number())
                .put("created_at", time(pr.createdAt()));
        issue.putObject("pull_request")
                .put("url", api + "/repos/" + pr.repo() + "/pulls/" + pr.number())
                .put("html_url", api + "/" + pr.repo() + "/pull/" + pr.number())
                .put("merged_at", pr.merged() ? time(pr.mergedAt()) : null);
        issue.set("repository", repository);
        return event;
    }

    ObjectNode comment(FakeComment comment) {
        String issueUrl = api + "/repos/" + comment.repo() + "/issues/" + comment.issueNumber();
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", comment.id())
                .put("node_id", "IC_" + comment.id())
                .put("url", api + "/repos/" + comment.repo() + "/issues/comments/" + comment.id())
                .put(
                        "html_url",
                        api + "/" + comment.repo() + "/issues/" + comment.issueNumber() + "#issuecomment-"
                                + comment.id())
                .put("issue_url", issueUrl)
                .put("body", comment.body())
                .put("author_association", "OWNER")
                .put("created_at", time(comment.createdAt()))
                .put("updated_at", time(comment.createdAt()));
        node.set("user", user(comment.author()));
        return node;
    }

    /** A file as the contents API returns it, or as a code-search item when {@code inline} is false. */
    ObjectNode file(String repo, String path, String text, boolean inline) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = blobSha(bytes);
        ObjectNode node = MAPPER.createObjectNode()
                .put("type", "file")
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("path", path)
                .put("sha", sha)
                .put("size", bytes.length)
                .put("url", api + "/repos/" + repo + "/contents/" + path + "?ref=main")
                .put("git_url", api + "/repos/" + repo + "/git/blobs/" + sha)
                .put("html_url", api + "/" + repo + "/blob/main/" + path)
                .put("download_url", api + "/raw/" + repo + "/main/" + path);
        if (inline) {
            boolean small = bytes.length <= MAX_INLINE_BYTES;
            // GitHub wraps base64 at 60 characters; clients must use a MIME decoder.
            node.put("encoding", small ? "base64" : "none")
                    .put(
                            "content",
                            small ? Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(bytes) + "\n" : "");
        }
        return node;
    }

    /** The text-match metadata GitHub adds for {@code application/vnd.github.text-match+json}. */
    ArrayNode textMatches(String objectUrl, String text, List<String> terms) {
        ArrayNode matches = MAPPER.createArrayNode();
        for (String line : text.split("\n", -1)) {
            String lower = line.toLowerCase();
            if (terms.stream().noneMatch(t -> lower.contains(t.toLowerCase()))) {
                continue;
            }
            ObjectNode match = matches.addObject()
                    .put("object_url", objectUrl)
                    .put("object_type", "FileContent")
                    .put("property", "content")
                    .put("fragment", line);
            ArrayNode found = match.putArray("matches");
            for (String term : terms) {
                int at = lower.indexOf(term.toLowerCase());
                if (at >= 0) {
                    found.addObject()
                            .put("text", line.substring(at, at + term.length()))
                            .putArray("indices")
                            .add(at)
                            .add(at + term.length());
                }
            }
        }
        return matches;
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The git blob id, as GitHub reports it. */
    static String blobSha(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
