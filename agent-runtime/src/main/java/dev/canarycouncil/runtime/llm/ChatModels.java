package dev.canarycouncil.runtime.llm;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Set;

/**
 * Builds the langchain4j client for a {@link ModelSettings}. Retries are left to
 * {@link ModelHttpClient} (langchain4j's own are off) so a 429's Retry-After is honoured once,
 * not multiplied by two retry loops.
 */
public final class ChatModels {

    private ChatModels() {}

    /** @param withSchema whether JSON schemas may travel in requests (see {@link ModelSettings#schemaWithTools()}) */
    public static ChatModel build(ModelSettings s, boolean withSchema) {
        ModelHttpClientBuilder http = new ModelHttpClientBuilder(RetryPolicy.of(s.maxAttempts()));
        Set<Capability> capabilities = withSchema ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
        return switch (s.provider()) {
            case GEMINI ->
                GoogleAiGeminiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(s.baseUrl())
                        .apiKey(s.apiKey())
                        .modelName(s.model())
                        .timeout(s.callTimeout())
                        .maxRetries(0)
                        .temperature(0.0)
                        .maxOutputTokens(s.maxOutputTokens())
                        .supportedCapabilities(capabilities)
                        .build();
            case OPENAI ->
                OpenAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(s.baseUrl())
                        // Local servers (vLLM, Ollama) take any key; the client wants one.
                        .apiKey(s.apiKey().isEmpty() ? "unused" : s.apiKey())
                        .modelName(s.model())
                        .timeout(s.callTimeout())
                        .maxRetries(0)
                        .temperature(0.0)
                        .maxTokens(s.maxOutputTokens())
                        .supportedCapabilities(capabilities)
                        .strictJsonSchema(withSchema)
                        .build();
            case REPLAY -> throw new IllegalArgumentException("replayed models come from a recording's model tape");
        };
    }
}
