package dev.canarycouncil.runtime.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model APIs the council speaks. */
public enum ModelProvider {
    /** Google's Gemini API (generateContent). */
    GEMINI("https://generativelanguage.googleapis.com/v1beta", "gemini-2.5-flash", "GEMINI_API_KEY"),
    /** Any OpenAI-compatible chat completions endpoint: OpenAI, vLLM, Ollama, LiteLLM, ... */
    OPENAI("https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY"),
    /** Replies recorded earlier with a real model, replayed from each recording's {@code model-replies/}. */
    REPLAY("file:model-replies", "recorded", "");

    private final String defaultBaseUrl;
    private final String defaultModel;
    private final String conventionalKeyEnv;

    ModelProvider(String defaultBaseUrl, String defaultModel, String conventionalKeyEnv) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.conventionalKeyEnv = conventionalKeyEnv;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** The environment variable the provider's own SDKs read the key from. */
    public String conventionalKeyEnv() {
        return conventionalKeyEnv;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted providers */
    public static ModelProvider parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "gemini", "google" -> GEMINI;
            case "openai", "openai-compatible", "vllm", "ollama" -> OPENAI;
            case "replay", "recorded" -> REPLAY;
            default ->
                throw new IllegalArgumentException("unknown model provider '" + text + "'; use one of "
                        + Arrays.stream(values()).map(ModelProvider::id).collect(Collectors.joining(", "))
                        + " (openai covers any OpenAI-compatible endpoint such as vLLM or Ollama; replay answers with the "
                        + "replies recorded beside a recording)");
        };
    }
}
