package dev.canarycouncil.runtime.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One scripted answer of a model fake ({@link GeminiFake}, {@link OpenAiFake}); each fake renders it in
 * its provider's wire format.
 *
 * <pre>{@code
 * fake.enqueue(ModelReply.toolCall("lookup", "{\"pod\":\"web-1\"}"),   // first request
 *              ModelReply.text("done"));                               // second request
 * fake.enqueue(ModelReply.json(Map.of("verdict", "promote")));         // JSON-mode answer
 * fake.enqueue(ModelReply.rateLimited(20), ModelReply.serverError(503),
 *              ModelReply.delayed(Duration.ofSeconds(10), ModelReply.text("late")),
 *              ModelReply.garbage("<html>oops</html>"));
 * }</pre>
 */
public sealed interface ModelReply {

    /** Plain assistant text; also the answer in JSON mode, where the text is the JSON document. */
    record Text(String text) implements ModelReply {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        /** Deterministic output token count: ceil(characters / 4). */
        public int completionTokens() {
            return tokens(text.length());
        }
    }

    /** One function call: the tool's name and its arguments as a JSON object text. */
    record ToolCall(String name, String argumentsJson) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
        }
    }

    /**
     * The model asks for one or more tool calls. Gemini needs {@code argumentsJson} to be a JSON object
     * (its wire format has no other shape); OpenAI passes it on verbatim, malformed or not.
     */
    record ToolCalls(List<ToolCall> calls) implements ModelReply {
        public ToolCalls {
            calls = List.copyOf(calls);
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("at least one tool call");
            }
        }

        /** Deterministic output token count: ceil(sum of name + arguments characters / 4). */
        public int completionTokens() {
            return tokens(calls.stream()
                    .mapToInt(c -> c.name().length() + c.argumentsJson().length())
                    .sum());
        }
    }

    /** HTTP 429 with the provider's quota error and {@code Retry-After: n}. */
    record RateLimited(int retryAfterSeconds) implements ModelReply {}

    /** HTTP 5xx (typically 500 or 503) with the provider's error JSON. */
    record ServerError(int status) implements ModelReply {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("not a 5xx status: " + status);
            }
        }
    }

    /** Waits, then answers {@code then}; for client read timeouts. The wait ends early when the fake closes. */
    record Delayed(Duration delay, ModelReply then) implements ModelReply {
        public Delayed {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(then, "then");
        }
    }

    /** HTTP 200 whose body is {@code body} verbatim, e.g. something that is not the provider's JSON. */
    record Garbage(String body) implements ModelReply {
        public Garbage {
            Objects.requireNonNull(body, "body");
        }
    }

    static ModelReply text(String text) {
        return new Text(text);
    }

    static ModelReply toolCall(String name, String argumentsJson) {
        return new ToolCalls(List.of(new ToolCall(name, argumentsJson)));
    }

    /** Several calls in one answer (parallel tool calls). */
    static ModelReply toolCalls(ToolCall... calls) {
        return new ToolCalls(Arrays.asList(calls));
    }

    /**
     * A JSON-mode answer: {@code value} serialised with Jackson. A String is taken as JSON text already
     * and only checked to parse.
     */
    static ModelReply json(Object value) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            if (value instanceof String text) {
                mapper.readTree(text);
                return new Text(text);
            }
            return new Text(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + value, e);
        }
    }

    static ModelReply rateLimited(int retryAfterSeconds) {
        return new RateLimited(retryAfterSeconds);
    }

    static ModelReply serverError(int status) {
        return new ServerError(status);
    }

    static ModelReply delayed(Duration delay, ModelReply then) {
        return new Delayed(delay, then);
    }

    static ModelReply garbage(String body) {
        return new Garbage(body);
    }

    /** The fakes' token rule: ceil(characters / 4). */
    static int tokens(int characters) {
        return (characters + 3) / 4;
    }
}
