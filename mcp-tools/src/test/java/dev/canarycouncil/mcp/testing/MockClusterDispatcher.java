package dev.canarycouncil.mcp.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarycouncil.runtime.json.Json;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD mock with what a recording needs and CRUD mode lacks: pod logs (CRUD mode
 * answers the pod list instead), creation times from the recording (CRUD mode stamps "now" on
 * every create) and the {@code involvedObject.name} field selector on events (CRUD mode answers
 * an empty list). Expectations a test registers still come first.
 */
final class MockClusterDispatcher extends Dispatcher {

    private static final Pattern LOG_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log(?:\\?(.*))?");
    private static final Pattern EVENTS_PATH = Pattern.compile("(/api/v1/namespaces/[^/]+/events)\\?(.*)");
    private static final String INVOLVED_NAME = "involvedObject.name";

    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final KubernetesMixedDispatcher crud;
    private final MockPodLogs logs;
    private final Map<String, String> creationTimestamps = new ConcurrentHashMap<>();

    MockClusterDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations, MockPodLogs logs) {
        this.expectations = expectations;
        this.crud = new KubernetesMixedDispatcher(expectations);
        this.logs = logs;
    }

    /** Reports {@code creationTimestamp} for the object with this uid, whatever the mock stamped. */
    void creationTimestamp(String uid, String timestamp) {
        creationTimestamps.put(uid, timestamp);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (expected(request)) {
            return crud.dispatch(request);
        }
        boolean get = "GET".equalsIgnoreCase(request.getMethod());
        Matcher log = LOG_PATH.matcher(request.getPath());
        if (get && log.matches()) {
            return logs.respond(log.group(1), log.group(2), query(log.group(3)));
        }
        Matcher events = EVENTS_PATH.matcher(request.getPath());
        if (get
                && events.matches()
                && query(events.group(2)).getOrDefault("fieldSelector", "").startsWith(INVOLVED_NAME)) {
            return eventsAbout(request, events.group(1), query(events.group(2)).get("fieldSelector"));
        }
        MockResponse response = crud.dispatch(request);
        if (get && response.code() == 200 && response.getWebSocketListener() == null && !creationTimestamps.isEmpty()) {
            rewriteCreationTimestamps(response);
        }
        return response;
    }

    /** Lists the namespace's events without the selector CRUD mode cannot apply, then applies it. */
    private MockResponse eventsAbout(RecordedRequest request, String path, String fieldSelector) {
        String name = fieldSelector.substring(fieldSelector.indexOf('=') + 1).replaceFirst("^=", "");
        MockResponse all = crud.dispatch(new RecordedRequest(
                request.getHttpVersion(), HttpMethod.GET, path, request.getHeaders(), request.getBody()));
        if (all.code() != 200) {
            return all;
        }
        try {
            JsonNode list = Json.mapper().readTree(all.getBody().getBytes());
            var kept = Json.mapper().createArrayNode();
            for (JsonNode event : list.path("items")) {
                if (name.equals(event.path("involvedObject").path("name").asText(null))) {
                    kept.add(event);
                }
            }
            ((ObjectNode) list).set("items", kept);
            all.setBody(Json.mapper().writeValueAsString(list));
            rewriteCreationTimestamps(all);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException("the mock's event list is not JSON", e);
        }
    }

    private boolean expected(RecordedRequest request) {
        Queue<ServerResponse> queue =
                expectations.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
        return queue != null && !queue.isEmpty();
    }

    private void rewriteCreationTimestamps(MockResponse response) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.getBody().getBytes());
        } catch (IOException e) {
            return; // not JSON: nothing to rewrite
        }
        boolean changed = rewrite(body);
        if (body.has("items")) {
            for (JsonNode item : body.get("items")) {
                changed |= rewrite(item);
            }
        }
        if (changed) {
            try {
                response.setBody(Json.mapper().writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean rewrite(JsonNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode meta && meta.hasNonNull("uid")) {
            String timestamp = creationTimestamps.get(meta.get("uid").asText());
            if (timestamp != null) {
                meta.put("creationTimestamp", timestamp);
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
