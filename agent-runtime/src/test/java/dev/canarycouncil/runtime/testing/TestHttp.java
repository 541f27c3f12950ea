package dev.canarycouncil.runtime.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls for tests that check the wire format itself. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {}

    public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postJson(String url, String body) throws IOException, InterruptedException {
        return post(url, body, "application/json");
    }

    public static HttpResponse<String> post(String url, String body, String accept)
            throws IOException, InterruptedException {
        return CLIENT.send(request(url, body, accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same, as a browser page at {@code origin} would send it. */
    public static HttpResponse<String> postFrom(String origin, String url, String body, String accept)
            throws IOException, InterruptedException {
        return CLIENT.send(
                request(url, body, accept).header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url, String body, String accept) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
