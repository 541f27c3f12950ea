package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Posts a request and collects every Server-Sent Event's data as JSON, until the server ends the stream. */
public final class SseEvents {

    private SseEvents() {}

    public record Stream(int status, String contentType, List<JsonNode> events) {}

    public static Stream post(String url, String body, Duration timeout) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<java.util.stream.Stream<String>> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        List<JsonNode> events = new ArrayList<>();
        try (java.util.stream.Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("data:")) {
                    events.add(Json.mapper().readTree(line.substring(5).trim()));
                }
            }
        }
        return new Stream(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                events);
    }
}
