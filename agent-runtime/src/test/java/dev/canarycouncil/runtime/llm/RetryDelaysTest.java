package dev.canarycouncil.runtime.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static Optional<Duration> requested(Map<String, List<String>> headers, String body) {
        return RetryDelays.requested(headers, body, NOW);
    }

    @Test
    void retryAfterSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), requested(Map.of("Retry-After", List.of("7")), ""));
    }

    @Test
    void retryAfterHttpDateInTheFuture() {
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(42).atZone(ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ofSeconds(42)), requested(Map.of("Retry-After", List.of(date)), null));
    }

    @Test
    void retryAfterHttpDateInThePastMeansNow() {
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(30).atZone(ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ZERO), requested(Map.of("Retry-After", List.of(date)), null));
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        Map<String, List<String>> headers = Map.of("Retry-After", List.of("7"), "retry-after-ms", List.of("1500"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), requested(headers, ""));
    }

    @Test
    void headerWinsOverGeminiBody() {
        String body = "{\"error\":{\"details\":[{\"retryDelay\": \"30s\"}]}}";
        assertEquals(Optional.of(Duration.ofSeconds(3)), requested(Map.of("retry-after", List.of("3")), body));
    }

    @Test
    void geminiRetryInfoInTheBody() {
        String body = """
                {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "details": [
                  {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "2.5s"}]}}""";
        assertEquals(Optional.of(Duration.ofMillis(2500)), requested(Map.of(), body));
    }

    @Test
    void unparseableHeadersFallThroughToTheBody() {
        Map<String, List<String>> headers = Map.of("retry-after-ms", List.of("soon"), "Retry-After", List.of("later"));
        assertEquals(Optional.of(Duration.ofSeconds(4)), requested(headers, "{\"retryDelay\":\"4s\"}"));
    }

    @Test
    void nothingAskedIsEmpty() {
        assertEquals(
                Optional.empty(), requested(Map.of("Content-Type", List.of("application/json")), "{\"error\":{}}"));
        assertEquals(Optional.empty(), requested(Map.of(), null));
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        assertEquals(Optional.of(Duration.ofSeconds(9)), requested(Map.of("RETRY-AFTER", List.of("9")), null));
        assertEquals(Optional.of(Duration.ofMillis(250)), requested(Map.of("Retry-After-Ms", List.of("250")), null));
    }

    @Test
    void aNullHeaderNameOrEmptyValueListIsSkipped() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put(null, List.of("HTTP/1.1 429 Too Many Requests"));
        headers.put("retry-after-ms", List.of());
        headers.put("Retry-After", List.of(" 5 "));
        assertEquals(Optional.of(Duration.ofSeconds(5)), requested(headers, null));
    }
}
