package dev.canarycouncil.mcp.testing;

import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.logs.LogTimestamps;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a kubelet would serve on {@code /api/v1/namespaces/NS/pods/P/log}: the current or previous
 * container's output, with {@code sinceTime}, {@code tailLines} and {@code limitBytes} applied in
 * the kubelet's order (since, then tail, then the first N bytes), and the API server's answers for
 * an unknown pod (404), an unknown container and a missing previous container (400). Lines carry
 * no kubelet timestamps here, so {@code sinceTime} goes by each line's own leading timestamp.
 */
final class MockPodLogs {

    private record Key(String namespace, String pod, String container, boolean previous) {}

    private final Map<Key, String> logs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> containers = new ConcurrentHashMap<>();

    /** Declares a pod's containers; each starts with an empty current log and no previous one. */
    void declarePod(String namespace, String pod, List<String> containerNames) {
        containers.put(namespace + "/" + pod, List.copyOf(containerNames));
        for (String c : containerNames) {
            logs.putIfAbsent(new Key(namespace, pod, c, false), "");
        }
    }

    /** Sets a container's current ({@code previous} false) or previous log. */
    void put(String namespace, String pod, String container, boolean previous, String text) {
        logs.put(new Key(namespace, pod, container, previous), text);
    }

    MockResponse respond(String namespace, String pod, Map<String, String> query) {
        List<String> names = containers.get(namespace + "/" + pod);
        if (names == null) {
            return status(404, "NotFound", "pods \"" + pod + "\" not found");
        }
        String container = query.get("container");
        if (container == null) {
            if (names.size() != 1) {
                return status(
                        400,
                        "BadRequest",
                        "a container name must be specified for pod " + pod + ", choose one of: " + names);
            }
            container = names.get(0);
        }
        if (!names.contains(container)) {
            return status(400, "BadRequest", "container " + container + " is not valid for pod " + pod);
        }
        boolean previous = "true".equals(query.get("previous"));
        String text = logs.get(new Key(namespace, pod, container, previous));
        if (text == null) {
            return status(
                    400,
                    "BadRequest",
                    "previous terminated container \"" + container + "\" in pod \"" + pod + "\" not found");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (query.containsKey("sinceTime")) {
            lines = since(lines, Instant.parse(query.get("sinceTime")));
        }
        if (query.containsKey("tailLines")) {
            int tail = Integer.parseInt(query.get("tailLines"));
            lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        if (query.containsKey("limitBytes")) {
            body = Arrays.copyOf(body, (int) Math.min(body.length, Long.parseLong(query.get("limitBytes"))));
        }
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "text/plain")
                .setBody(body);
    }

    /**
     * Lines at or after {@code since}; a line without a timestamp goes with the last one that had one.
     * The API server filters by the kubelet's time of each line, which a recording does not keep: lines
     * before the first timestamp (or in a log without any) are kept, as the recorded backend keeps them.
     */
    private static List<String> since(List<String> lines, Instant since) {
        List<String> kept = new ArrayList<>();
        Instant lastSeen = null;
        for (String line : lines) {
            Instant stamp = LogTimestamps.leading(line);
            if (stamp != null) {
                lastSeen = stamp;
            }
            if (lastSeen == null || !lastSeen.isBefore(since)) {
                kept.add(line);
            }
        }
        return kept;
    }

    static MockResponse status(int code, String reason, String message) {
        String json = Json.mapper()
                .createObjectNode()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("message", message)
                .put("reason", reason)
                .put("code", code)
                .toString();
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(json);
    }
}
