package dev.canarycouncil.runtime.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One model an agent may consult.
 *
 * @param provider          which API it speaks
 * @param model             the provider's model name
 * @param baseUrl           the API's base URL (Gemini: ending in {@code /v1beta}; OpenAI-compatible: ending in {@code /v1})
 * @param apiKey            the key; never printed (see {@link #toString()}); may be empty for local servers
 * @param callTimeout       limit for one HTTP call to the model
 * @param maxAttempts       attempts per call on 429/5xx/timeouts, waiting as the server asks (Retry-After)
 * @param maxOutputTokens   cap on each answer's length
 * @param structuredOutput  how to ask for JSON answers
 */
public record ModelSettings(
        ModelProvider provider,
        String model,
        String baseUrl,
        String apiKey,
        Duration callTimeout,
        int maxAttempts,
        int maxOutputTokens,
        StructuredOutput structuredOutput) {

    /**
     * Whether the JSON schema travels in the request (the model is constrained to it) or only as
     * instructions in the prompt. Gemini before 3.x rejects a response schema together with
     * function calling, so tool-using reviews there fall back to instructions.
     */
    public enum StructuredOutput {
        AUTO,
        SCHEMA,
        INSTRUCTIONS
    }

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;

    public ModelSettings {
        Objects.requireNonNull(provider, "provider");
        model = model == null || model.isBlank() ? provider.defaultModel() : model.trim();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : stripSlash(baseUrl.trim());
        apiKey = apiKey == null ? "" : apiKey.trim();
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("model timeout must be positive, was " + callTimeout);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("model maxAttempts must be within 1..10, was " + maxAttempts);
        }
        if (maxOutputTokens < 64) {
            throw new IllegalArgumentException("model maxOutputTokens must be at least 64, was " + maxOutputTokens);
        }
        structuredOutput = structuredOutput == null ? StructuredOutput.AUTO : structuredOutput;
    }

    public static ModelSettings of(ModelProvider provider, String model, String baseUrl, String apiKey) {
        return new ModelSettings(
                provider,
                model,
                baseUrl,
                apiKey,
                DEFAULT_CALL_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_MAX_OUTPUT_TOKENS,
                StructuredOutput.AUTO);
    }

    /** {@code provider:model}, as shown in verdicts and logs. */
    public String describe() {
        return provider.id() + ":" + model;
    }

    /** Whether a JSON schema may be sent together with tool declarations. */
    public boolean schemaWithTools() {
        return switch (structuredOutput) {
            case SCHEMA -> true;
            case INSTRUCTIONS -> false;
            case AUTO ->
                provider != ModelProvider.GEMINI
                        || model.toLowerCase(Locale.ROOT).matches("gemini-([3-9]|\\d\\d).*");
        };
    }

    public ModelSettings withTimeout(Duration timeout) {
        return new ModelSettings(
                provider, model, baseUrl, apiKey, timeout, maxAttempts, maxOutputTokens, structuredOutput);
    }

    public ModelSettings withMaxAttempts(int attempts) {
        return new ModelSettings(
                provider, model, baseUrl, apiKey, callTimeout, attempts, maxOutputTokens, structuredOutput);
    }

    public ModelSettings withStructuredOutput(StructuredOutput mode) {
        return new ModelSettings(provider, model, baseUrl, apiKey, callTimeout, maxAttempts, maxOutputTokens, mode);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ModelSettings[" + describe() + " at " + baseUrl + ", key " + (apiKey.isEmpty() ? "absent" : "set")
                + ", timeout " + callTimeout + ", attempts " + maxAttempts + "]";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
