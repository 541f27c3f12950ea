package dev.canarycouncil.issuewriter.filing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.http.HttpLimits;
import dev.canarycouncil.runtime.http.OutboundHttp;
import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pull requests an issue's timeline on GitHub shows as referring to it ("cross-referenced"
 * events whose source is a pull request). github-api has no call for the timeline, so this one
 * request goes over the council's HTTP layer; the pull requests' details are then read with
 * github-api. The first 100 events are read: a remediation issue with more is not the common case.
 */
final class IssueTimeline {

    /** A pull request as the timeline names it: its repository and number. */
    record Reference(String repository, int number) {}

    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final String apiUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;
    private final HttpLimits limits;

    IssueTimeline(String apiUrl, String token, Duration timeout) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.timeout = timeout;
        this.limits = HttpLimits.of(timeout, timeout).withMaxResponseBytes(MAX_BYTES);
        this.client = OutboundHttp.client(limits);
    }

    List<Reference> pullRequests(String repository, int issue) throws IOException {
        URI uri = URI.create(apiUrl + "/repos/" + repository + "/issues/" + issue + "/timeline?per_page=100");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, OutboundHttp.cappedBytes(limits, "GitHub's timeline of #" + issue));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the timeline of #" + issue, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(
                    "GitHub answered " + response.statusCode() + " for the timeline of " + repository + "#" + issue);
        }
        return references(Json.mapper().readTree(response.body()), repository);
    }

    /** The pull requests among the events, once each, in the timeline's order (oldest first). */
    static List<Reference> references(JsonNode events, String repository) {
        List<Reference> found = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode issue = e.path("source").path("issue");
            if (!"cross-referenced".equals(e.path("event").asText())
                    || issue.path("pull_request").isMissingNode()) {
                continue;
            }
            String repo = issue.path("repository").path("full_name").asText(repository);
            Reference r = new Reference(repo, issue.path("number").asInt());
            if (r.number() > 0 && !found.contains(r)) {
                found.add(r);
            }
        }
        return found;
    }
}
