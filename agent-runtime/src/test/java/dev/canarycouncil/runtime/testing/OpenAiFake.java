package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local OpenAI Chat Completions API that the real langchain4j {@code OpenAiChatModel} talks to,
 * tools and JSON mode included. Serves {@code POST /v1/chat/completions} (also without {@code /v1});
 * needs {@code Authorization: Bearer <key>}. Streaming ({@code "stream": true}) is refused with 400.
 * Thread-safe.
 *
 * <pre>{@code
 * try (OpenAiFake openai = OpenAiFake.start("test-key")) {
 *     ChatModel model = OpenAiChatModel.builder()
 *             .baseUrl(openai.url())                 // http://127.0.0.1:PORT/v1
 *             .apiKey("test-key").modelName("gpt-4o-mini")
 *             .maxRetries(0)                         // one HTTP attempt per call
 *             .timeout(Duration.ofSeconds(5)).build();
 *     openai.enqueue(ModelReply.toolCall("lookup", "{\"pod\":\"web-1\"}"), ModelReply.text("done"));
 *     openai.enqueue(ModelReply.rateLimited(20));    // 429 rate_limit_exceeded, Retry-After: 20
 *     openai.respondWith(req -> ModelReply.text(req.allText().contains("OOM") ? "fail" : "pass"));
 *     model.chat("hi");
 *     openai.lastRequest().header("Authorization");  // -> Bearer test-key
 * }
 * }</pre>
 *
 * Answers carry {@code usage} with deterministic counts ({@link ModelRequest#promptTokens()},
 * {@link ModelReply.Text#completionTokens()}); ids are {@code chatcmpl-N} and {@code call_N}.
 */
public final class OpenAiFake extends ModelFake {

    public static final String PROVIDER = "openai";
    private static final String CHAT = "(?:/v1)?/chat/completions/?";

    private final AtomicLong ids = new AtomicLong();

    private OpenAiFake(String apiKey) throws IOException {
        super("openai-fake", apiKey);
    }

    public static OpenAiFake start(String apiKey) throws IOException {
        return new OpenAiFake(apiKey);
    }

    /** The base URL for {@code OpenAiChatModel.builder().baseUrl(...)}: {@code http://127.0.0.1:PORT/v1}. */
    @Override
    public String url() {
        return origin() + "/v1";
    }

    @Override
    ModelRequest parse(URI uri, Map<String, List<String>> headers, String body) {
        JsonNode root = readTree(body);
        List<String> system = new ArrayList<>();
        List<ModelRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : root.path("messages")) {
            String role = message.path("role").asText();
            String text = text(message.path("content"));
            switch (role) {
                case "system", "developer" -> system.add(text);
                case "assistant" -> turns.add(new ModelRequest.Turn("assistant", text, callNames(message), List.of()));
                case "tool", "function" -> addToolResult(turns, text);
                default -> turns.add(new ModelRequest.Turn(role, text, List.of(), List.of()));
            }
        }
        List<String> toolNames = new ArrayList<>();
        root.path("tools")
                .forEach(
                        tool -> toolNames.add(tool.path("function").path("name").asText()));
        root.path("functions")
                .forEach(function -> toolNames.add(function.path("name").asText()));
        String type = root.path("response_format").path("type").asText();
        String toolsJson = (root.has("tools") ? root.get("tools").toString() : "")
                + (root.has("functions") ? root.get("functions").toString() : "");
        return new ModelRequest(
                PROVIDER,
                uri.getPath(),
                headers,
                body,
                root.path("model").asText(null),
                String.join("\n", system),
                turns,
                toolNames,
                toolsJson,
                type.equals("json_schema") || type.equals("json_object"));
    }

    /** A string, or an array of content parts of which the text parts count. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        List<String> texts = new ArrayList<>();
        content.forEach(part -> {
            if (part.path("text").isTextual()) {
                texts.add(part.get("text").asText());
            }
        });
        return String.join("\n", texts);
    }

    private static List<String> callNames(JsonNode message) {
        List<String> names = new ArrayList<>();
        message.path("tool_calls")
                .forEach(call -> names.add(call.path("function").path("name").asText()));
        if (message.has("function_call")) {
            names.add(message.get("function_call").path("name").asText());
        }
        return names;
    }

    /** Consecutive tool messages form one "tool" turn, as Gemini's functionResponse parts do. */
    private static void addToolResult(List<ModelRequest.Turn> turns, String result) {
        ModelRequest.Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.role().equals("tool")) {
            List<String> results = new ArrayList<>(last.toolResultTexts());
            results.add(result);
            turns.set(turns.size() - 1, new ModelRequest.Turn("tool", "", List.of(), results));
        } else {
            turns.add(new ModelRequest.Turn("tool", "", List.of(), List.of(result)));
        }
    }

    @Override
    Answer refuse(ModelRequest request, String method, URI uri) {
        if (!method.equals("POST") || !uri.getPath().matches(CHAT)) {
            return error(
                    404, "Invalid URL (" + method + " " + uri.getPath() + ")", "invalid_request_error", null, null);
        }
        String authorization = request.header("Authorization");
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || authorization.length() == "Bearer ".length()) {
            return error(
                    401,
                    "You didn't provide an API key. You need to provide your API key in an Authorization header"
                            + " using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from"
                            + " https://platform.openai.com/account/api-keys.",
                    "invalid_request_error",
                    null,
                    null);
        }
        String key = authorization.substring("Bearer ".length());
        if (!key.equals(apiKey())) {
            return error(
                    401,
                    "Incorrect API key provided: " + mask(key) + ". You can find your API key at"
                            + " https://platform.openai.com/account/api-keys.",
                    "invalid_request_error",
                    null,
                    "invalid_api_key");
        }
        JsonNode root = readTree(request.rawBody());
        if (!root.isObject()) {
            return error(
                    400,
                    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using"
                            + " your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
                    "invalid_request_error",
                    null,
                    null);
        }
        if (request.model() == null || request.model().isEmpty()) {
            return error(400, "you must provide a model parameter", "invalid_request_error", null, null);
        }
        if (!root.path("messages").isArray() || root.path("messages").isEmpty()) {
            return error(
                    400,
                    "Missing required parameter: 'messages'.",
                    "invalid_request_error",
                    "messages",
                    "missing_required_parameter");
        }
        if (root.path("stream").asBoolean(false)) {
            return error(
                    400,
                    "OpenAiFake does not stream; use OpenAiChatModel, not OpenAiStreamingChatModel.",
                    "invalid_request_error",
                    "stream",
                    "unsupported_value");
        }
        return null;
    }

    @Override
    Answer render(ModelRequest request, ModelReply reply) {
        if (reply instanceof ModelReply.Text text) {
            ObjectNode message =
                    MAPPER.createObjectNode().put("role", "assistant").put("content", text.text());
            return success(request, message.putNull("refusal"), "stop", text.completionTokens());
        }
        if (reply instanceof ModelReply.ToolCalls calls) {
            ObjectNode message =
                    MAPPER.createObjectNode().put("role", "assistant").putNull("content");
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (ModelReply.ToolCall call : calls.calls()) {
                ObjectNode toolCall = toolCalls
                        .addObject()
                        .put("id", "call_" + ids.incrementAndGet())
                        .put("type", "function");
                toolCall.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
            return success(request, message.putNull("refusal"), "tool_calls", calls.completionTokens());
        }
        if (reply instanceof ModelReply.RateLimited limited) {
            int seconds = limited.retryAfterSeconds();
            return error(
                            429,
                            "Rate limit reached for " + request.model()
                                    + " in organization org-fake on requests per min (RPM):"
                                    + " Limit 3, Used 3, Requested 1. Please try again in " + seconds + "s. Visit"
                                    + " https://platform.openai.com/account/rate-limits to learn more.",
                            "requests",
                            null,
                            "rate_limit_exceeded")
                    .withHeader("Retry-After", String.valueOf(seconds))
                    .withHeader("x-ratelimit-limit-requests", "3")
                    .withHeader("x-ratelimit-remaining-requests", "0")
                    .withHeader("x-ratelimit-reset-requests", seconds + "s");
        }
        if (reply instanceof ModelReply.ServerError failed) {
            String message = failed.status() == 503
                    ? "The server is overloaded or not ready yet."
                    : "The server had an error while processing your request. Sorry about that!";
            return error(failed.status(), message, "server_error", null, null);
        }
        if (reply instanceof ModelReply.Garbage garbage) {
            return new Answer(200, Map.of(), garbage.body());
        }
        throw new IllegalStateException("not renderable: " + reply);
    }

    @Override
    Answer internalError(String message) {
        return error(500, message, "server_error", null, null);
    }

    private Answer success(ModelRequest request, ObjectNode message, String finishReason, int completionTokens) {
        long id = ids.incrementAndGet();
        ObjectNode body = MAPPER.createObjectNode()
                .put("id", "chatcmpl-" + id)
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", request.model());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        int prompt = request.promptTokens();
        ObjectNode usage = body.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", prompt + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        body.put("service_tier", "default").putNull("system_fingerprint");
        return Answer.json(200, body).withHeader("x-request-id", "req_" + id);
    }

    private static Answer error(int status, String message, String type, String param, String code) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        error.put("param", param).put("code", code); // both are null more often than not, and then still present
        return Answer.json(status, body);
    }

    /** OpenAI shows only the ends of a rejected key. */
    private static String mask(String key) {
        return key.length() <= 8
                ? "*".repeat(key.length())
                : key.substring(0, 3) + "*".repeat(key.length() - 7) + key.substring(key.length() - 4);
    }
}
