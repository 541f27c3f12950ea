package dev.canarycouncil.runtime.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request a model fake received, parsed into a provider-neutral view. Every request is kept,
 * also the ones that were refused (wrong key) or answered with an error; a body that is not JSON
 * leaves the parsed fields empty.
 *
 * <pre>{@code
 * ModelRequest second = fake.requests().get(1);
 * second.toolNames();                               // -> [lookup]
 * second.messages().get(2).toolResultTexts();       // -> [pod web-1 is Running]
 * second.header("x-goog-api-key");                  // -> the key the client sent
 * second.allText().contains("You are the metrics agent");
 * }</pre>
 *
 * @param provider            "gemini" or "openai"
 * @param model               from the path (Gemini) or the body (OpenAI)
 * @param systemText          Gemini {@code systemInstruction} texts, OpenAI system (and developer) messages, joined by newlines
 * @param messages            the conversation in order, one {@link Turn} per message; consecutive OpenAI tool messages form one turn
 * @param toolNames           the declared function names
 * @param toolsJson           the declared tools as compact JSON, "" when none (counts towards prompt tokens)
 * @param jsonSchemaRequested the client asked for JSON output (MIME type / schema / response_format)
 */
public record ModelRequest(
        String provider,
        String path,
        Map<String, List<String>> headers,
        String rawBody,
        String model,
        String systemText,
        List<Turn> messages,
        List<String> toolNames,
        String toolsJson,
        boolean jsonSchemaRequested) {

    /**
     * One conversation turn. {@code role} is normalised: "user", "assistant" (Gemini "model") or
     * "tool" (OpenAI tool messages; Gemini contents made of functionResponse parts).
     */
    public record Turn(String role, String text, List<String> toolCallNames, List<String> toolResultTexts) {
        public Turn {
            text = text == null ? "" : text;
            toolCallNames = List.copyOf(toolCallNames);
            toolResultTexts = List.copyOf(toolResultTexts);
        }
    }

    public ModelRequest {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        systemText = systemText == null ? "" : systemText;
        messages = List.copyOf(messages);
        toolNames = List.copyOf(toolNames);
        toolsJson = toolsJson == null ? "" : toolsJson;
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Everything the model would read: system text, every turn's text and every tool result, one per line. */
    public String allText() {
        List<String> texts = new ArrayList<>();
        if (!systemText.isEmpty()) {
            texts.add(systemText);
        }
        for (Turn turn : messages) {
            if (!turn.text().isEmpty()) {
                texts.add(turn.text());
            }
            texts.addAll(turn.toolResultTexts());
        }
        return String.join("\n", texts);
    }

    /** The fakes' deterministic prompt token count: ceil((allText() + toolsJson) characters / 4). */
    public int promptTokens() {
        return ModelReply.tokens(allText().length() + toolsJson.length());
    }

    /** The last turn with the given role, or null. */
    public Turn lastTurn(String role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals(role)) {
                return messages.get(i);
            }
        }
        return null;
    }
}
