package dev.canarycouncil.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubFakeTest {

    private static final String TOKEN = "test-token";
    private static final String REPO = "acme/checkout";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private GitHubFake github;

    @BeforeEach
    void start() throws IOException {
        github = GitHubFake.start(TOKEN);
        github.addFilesFrom(
                REPO, Recordings.named("go-panic-index-out-of-range").resolve("repo"));
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void createsFindsAndCommentsOnAnIssue() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/repos/" + REPO + "/issues",
                TOKEN,
                "{\"title\":\"Rollback of checkout\",\"body\":\"panic: index out of range\",\"labels\":[\"canary\"],\"assignees\":[\"oncall\"]}");
        assertEquals(201, created.statusCode());
        JsonNode issue = MAPPER.readTree(created.body());
        assertEquals(1, issue.get("number").asInt());
        assertEquals("canary", issue.get("labels").get(0).get("name").asText());
        assertEquals("oncall", issue.get("assignees").get(0).get("login").asText());

        JsonNode found = json(send(
                "GET",
                "/search/issues?q=" + enc("repo:" + REPO + " is:issue is:open in:body \"index out of range\""),
                TOKEN,
                null));
        assertEquals(1, found.get("total_count").asInt());
        assertEquals(
                "Rollback of checkout", found.get("items").get(0).get("title").asText());
        assertEquals(
                0,
                json(send("GET", "/search/issues?q=" + enc("repo:" + REPO + " state:open deadlock"), TOKEN, null))
                        .get("total_count")
                        .asInt());

        assertEquals(
                201,
                send("POST", "/repos/" + REPO + "/issues/1/comments", TOKEN, "{\"body\":\"seen again\"}")
                        .statusCode());
        assertEquals(
                "seen again",
                json(send("GET", "/repos/" + REPO + "/issues/1/comments", TOKEN, null))
                        .get(0)
                        .get("body")
                        .asText());
        assertEquals(
                List.of("seen again"),
                github.comments(REPO, 1).stream().map(FakeComment::body).toList());
        assertEquals("token " + TOKEN, github.requests().get(0).header("authorization"));
    }

    @Test
    void servesContentsAndCodeSearch() throws Exception {
        JsonNode file = json(send("GET", "/repos/" + REPO + "/contents/main.go?ref=main", TOKEN, null));
        String text =
                new String(Base64.getMimeDecoder().decode(file.get("content").asText()), StandardCharsets.UTF_8);
        assertTrue(text.contains("getColor"));
        assertEquals(
                404,
                send("GET", "/repos/" + REPO + "/contents/missing.go", TOKEN, null)
                        .statusCode());

        HttpResponse<String> search = http.send(
                HttpRequest.newBuilder(URI.create(
                                github.url() + "/search/code?q=" + enc("getColor repo:" + REPO + " filename:main.go")))
                        .header("Authorization", "token " + TOKEN)
                        .header("Accept", "application/vnd.github.text-match+json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode item = json(search).get("items").get(0);
        assertEquals("main.go", item.get("path").asText());
        assertEquals(REPO, item.get("repository").get("full_name").asText());
        assertTrue(item.get("text_matches").get(0).get("fragment").asText().contains("getColor"));
    }

    @Test
    void rejectsABadTokenWithGitHubsMessage() throws Exception {
        HttpResponse<String> response = send("GET", "/user", "wrong", null);
        assertEquals(401, response.statusCode());
        assertEquals(
                "Bad credentials",
                MAPPER.readTree(response.body()).get("message").asText());
        assertEquals(401, send("GET", "/user", null, null).statusCode());
    }

    @Test
    void failsDuringAnOutageAndRateLimitUntilRecovered() throws Exception {
        github.outage(503);
        assertEquals(503, send("GET", "/repos/" + REPO, TOKEN, null).statusCode());
        github.recover();
        assertEquals(
                REPO,
                json(send("GET", "/repos/" + REPO, TOKEN, null))
                        .get("full_name")
                        .asText());

        github.rateLimited(60);
        HttpResponse<String> limited = send("GET", "/user", TOKEN, null);
        assertEquals(403, limited.statusCode());
        assertTrue(MAPPER.readTree(limited.body()).get("message").asText().contains("secondary rate limit"));
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow());
        github.primaryRateLimited(60);
        assertEquals(
                "0",
                send("GET", "/user", TOKEN, null)
                        .headers()
                        .firstValue("X-RateLimit-Remaining")
                        .orElseThrow());
        github.recover();

        github.failNext(1, 502);
        assertEquals(502, send("GET", "/user", TOKEN, null).statusCode());
        assertEquals(200, send("GET", "/user", TOKEN, null).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(github.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
