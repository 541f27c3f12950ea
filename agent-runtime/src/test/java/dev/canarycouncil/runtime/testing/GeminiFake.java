package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Gemini API ({@code generativelanguage.googleapis.com}) that the real langchain4j
 * {@code GoogleAiGeminiChatModel} talks to, tools and JSON mode included. Serves
 * {@code POST /v1beta/models/{model}:generateContent} (also without {@code /v1beta}); the key goes in
 * {@code x-goog-api-key} (or {@code ?key=}). Thread-safe.
 *
 * <pre>{@code
 * try (GeminiFake gemini = GeminiFake.start("test-key")) {
 *     ChatModel model = GoogleAiGeminiChatModel.builder()
 *             .baseUrl(gemini.url())                 // http://127.0.0.1:PORT/v1beta
 *             .apiKey("test-key").modelName("gemini-2.5-flash")
 *             .maxRetries(0)                         // one HTTP attempt per call
 *             .timeout(Duration.ofSeconds(5)).build();
 *     gemini.enqueue(ModelReply.toolCall("lookup", "{\"pod\":\"web-1\"}"), ModelReply.text("done"));
 *     gemini.enqueue(ModelReply.rateLimited(20));    // 429 RESOURCE_EXHAUSTED, RetryInfo 20s, Retry-After: 20
 *     gemini.respondWith(req -> ModelReply.text(req.allText().contains("OOM") ? "fail" : "pass"));
 *     model.chat("hi");
 *     gemini.lastRequest().model();                  // -> gemini-2.5-flash
 * }
 * }</pre>
 *
 * Answers carry {@code usageMetadata} with deterministic counts ({@link ModelRequest#promptTokens()},
 * {@link ModelReply.Text#completionTokens()}); langchain4j fails without it. A wrong key gets what
 * Google sends: 400 INVALID_ARGUMENT "API key not valid" (so langchain4j throws InvalidRequestException,
 * not AuthenticationException); a missing key 403 PERMISSION_DENIED.
 */
public final class GeminiFake extends ModelFake {

    public static final String PROVIDER = "gemini";
    private static final Pattern GENERATE = Pattern.compile("(?:/v1beta|/v1)?/models/([^/:]+):generateContent");

    private final AtomicLong ids = new AtomicLong();

    private GeminiFake(String apiKey) throws IOException {
        super("gemini-fake", apiKey);
    }

    public static GeminiFake start(String apiKey) throws IOException {
        return new GeminiFake(apiKey);
    }

    /** The base URL for {@code GoogleAiGeminiChatModel.builder().baseUrl(...)}: {@code http://127.0.0.1:PORT/v1beta}. */
    @Override
    public String url() {
        return origin() + "/v1beta";
    }

    @Override
    ModelRequest parse(URI uri, Map<String, List<String>> headers, String body) {
        JsonNode root = readTree(body);
        Matcher path = GENERATE.matcher(uri.getPath());
        List<String> system = new ArrayList<>();
        root.path("systemInstruction").path("parts").forEach(part -> {
            if (part.has("text")) {
                system.add(part.get("text").asText());
            }
        });
        List<ModelRequest.Turn> turns = new ArrayList<>();
        root.path("contents").forEach(content -> turns.add(turn(content)));
        List<String> toolNames = new ArrayList<>();
        root.path("tools")
                .forEach(tool -> tool.path("functionDeclarations")
                        .forEach(f -> toolNames.add(f.path("name").asText())));
        JsonNode config = root.path("generationConfig");
        boolean json = "application/json".equals(config.path("responseMimeType").asText())
                || config.has("responseSchema")
                || config.has("responseJsonSchema");
        return new ModelRequest(
                PROVIDER,
                uri.getPath(),
                headers,
                body,
                path.matches() ? path.group(1) : null,
                String.join("\n", system),
                turns,
                toolNames,
                root.has("tools") ? root.get("tools").toString() : "",
                json);
    }

    private static ModelRequest.Turn turn(JsonNode content) {
        List<String> texts = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (JsonNode part : content.path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean(false)) {
                texts.add(part.get("text").asText());
            }
            if (part.has("functionCall")) {
                calls.add(part.get("functionCall").path("name").asText());
            }
            if (part.has("functionResponse")) {
                results.add(resultText(part.get("functionResponse").path("response")));
            }
        }
        String role = "model".equals(content.path("role").asText())
                ? "assistant"
                : !results.isEmpty() && texts.isEmpty() ? "tool" : "user";
        return new ModelRequest.Turn(role, String.join("\n", texts), calls, results);
    }

    /** langchain4j sends {@code {"response": "<tool result>"}}; other shapes are kept as JSON. */
    private static String resultText(JsonNode response) {
        for (String key : List.of("response", "content", "result", "output")) {
            if (response.size() == 1 && response.path(key).isTextual()) {
                return response.get(key).asText();
            }
        }
        return response.isTextual() ? response.asText() : response.toString();
    }

    @Override
    Answer refuse(ModelRequest request, String method, URI uri) {
        if (!method.equals("POST") || request.model() == null) {
            return error(404, "NOT_FOUND", "The requested URL " + uri.getPath() + " was not found on this server.");
        }
        String key = request.header("x-goog-api-key");
        if (key == null && uri.getRawQuery() != null) { // the API also takes ?key=
            key = new RecordedRequest("POST", uri.getPath(), uri.getRawQuery(), Map.of(), "").param("key");
        }
        if (key == null || key.isEmpty()) {
            return error(
                    403,
                    "PERMISSION_DENIED",
                    "Method doesn't allow unregistered callers (callers without established identity)."
                            + " Please use API Key or other form of API consumer identity to call this API.");
        }
        if (!key.equals(apiKey())) {
            ObjectNode errorInfo = MAPPER.createObjectNode()
                    .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                    .put("reason", "API_KEY_INVALID")
                    .put("domain", "googleapis.com");
            errorInfo.putObject("metadata").put("service", "generativelanguage.googleapis.com");
            return Answer.json(
                    400,
                    errorBody(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", errorInfo));
        }
        JsonNode root = readTree(request.rawBody());
        if (!root.isObject()) {
            return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token.");
        }
        if (!root.path("contents").isArray() || root.path("contents").isEmpty()) {
            return error(400, "INVALID_ARGUMENT", "* GenerateContentRequest.contents: contents is not specified");
        }
        return null;
    }

    @Override
    Answer render(ModelRequest request, ModelReply reply) {
        if (reply instanceof ModelReply.Text text) {
            return success(
                    request, List.of(MAPPER.createObjectNode().put("text", text.text())), text.completionTokens());
        }
        if (reply instanceof ModelReply.ToolCalls calls) {
            return success(
                    request,
                    calls.calls().stream().map(GeminiFake::functionCall).toList(),
                    calls.completionTokens());
        }
        if (reply instanceof ModelReply.RateLimited limited) {
            ObjectNode retryInfo = MAPPER.createObjectNode()
                    .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                    .put("retryDelay", limited.retryAfterSeconds() + "s");
            return Answer.json(
                            429,
                            errorBody(
                                    429,
                                    "RESOURCE_EXHAUSTED",
                                    "Resource has been exhausted (e.g. check quota).",
                                    retryInfo))
                    .withHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
        }
        if (reply instanceof ModelReply.ServerError failed) {
            return serverError(failed.status());
        }
        if (reply instanceof ModelReply.Garbage garbage) {
            return new Answer(200, Map.of(), garbage.body());
        }
        throw new IllegalStateException("not renderable: " + reply);
    }

    @Override
    Answer internalError(String message) {
        return error(500, "INTERNAL", message);
    }

    private Answer success(ModelRequest request, List<ObjectNode> parts, int completionTokens) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addAll(parts);
        content.put("role", "model");
        candidate.put("finishReason", "STOP").put("index", 0);
        int prompt = request.promptTokens();
        body.putObject("usageMetadata")
                .put("promptTokenCount", prompt)
                .put("candidatesTokenCount", completionTokens)
                .put("totalTokenCount", prompt + completionTokens);
        body.put("modelVersion", request.model()).put("responseId", "fake-" + ids.incrementAndGet());
        return Answer.json(200, body);
    }

    private static ObjectNode functionCall(ModelReply.ToolCall call) {
        JsonNode args;
        try {
            args = MAPPER.readTree(call.argumentsJson());
        } catch (JsonProcessingException e) {
            args = null;
        }
        if (args == null || !args.isObject()) {
            throw new IllegalArgumentException(
                    "Gemini function call arguments must be a JSON object: " + call.argumentsJson());
        }
        ObjectNode part = MAPPER.createObjectNode();
        part.putObject("functionCall").put("name", call.name()).set("args", args);
        return part;
    }

    private static Answer serverError(int status) {
        return switch (status) {
            case 500 ->
                error(
                        500,
                        "INTERNAL",
                        "An internal error has occurred. Please retry or report in"
                                + " https://developers.generativeai.google/guide/troubleshooting");
            case 503 -> error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
            case 504 -> error(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.");
            default -> error(status, "UNKNOWN", "Server error " + status + ".");
        };
    }

    private static Answer error(int code, String status, String message) {
        return Answer.json(code, errorBody(code, status, message, null));
    }

    /** Google's error envelope; {@code detail} (a google.rpc detail object) is optional. */
    private static ObjectNode errorBody(int code, String status, String message, ObjectNode detail) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error")
                .put("code", code)
                .put("message", message)
                .put("status", status);
        if (detail != null) {
            error.putArray("details").add(detail);
        }
        return body;
    }
}
