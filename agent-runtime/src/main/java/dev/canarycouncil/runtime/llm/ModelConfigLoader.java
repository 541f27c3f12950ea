package dev.canarycouncil.runtime.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.config.ConfigDocuments;
import dev.canarycouncil.runtime.config.DurationText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads which models the agents use, from flags or from a YAML/JSON file with per-agent overrides.
 * Keys come from a file or the environment only, never from the file itself, so a config can be
 * committed. Everything is checked at start-up: a wrong field or a missing key stops the
 * process with the fix, instead of degrading every analysis later.
 *
 * <pre>
 * model: gemini:gemini-2.5-flash      # provider[:model]; provider gemini or openai (any OpenAI-compatible server)
 * baseUrl: https://generativelanguage.googleapis.com/v1beta
 * apiKeyEnv: GEMINI_API_KEY           # or apiKeyFile: /var/run/secrets/model/key
 * timeout: 30s                        # per HTTP call
 * maxAttempts: 3                      # on 429/5xx/timeouts, honouring Retry-After
 * maxOutputTokens: 1024
 * structuredOutput: auto              # auto | schema | instructions
 * tokenBudget: 60000                  # per analysis, all agents together
 * reviewTimeout: 45s                  # per agent, tool calls included
 * agents:
 *   log-analyst: {model: "openai:qwen2.5-7b-instruct", baseUrl: "http://vllm:8000/v1"}
 *   issue-writer: off
 * </pre>
 */
public final class ModelConfigLoader {

    /** The key every provider falls back to before its own conventional variable. */
    public static final String KEY_ENV = "CANARY_COUNCIL_MODEL_API_KEY";

    private final Map<String, String> env;

    public ModelConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * The configuration the simple flags describe.
     *
     * @param modelSpec  {@code provider[:model]}, or null/blank for deterministic mode
     * @param keyFile    file holding the key, or null to read it from the environment
     */
    public ModelConfig fromFlags(
            String modelSpec,
            String baseUrl,
            Path keyFile,
            Duration timeout,
            long tokenBudget,
            Duration reviewTimeout) {
        if (modelSpec == null || modelSpec.isBlank()) {
            return new ModelConfig(null, Map.of(), tokenBudget, reviewTimeout);
        }
        Spec spec = Spec.parse(modelSpec, "--model");
        String key = keyFile != null ? readKey(keyFile, "--model-key-file") : defaultKey(spec.provider, true);
        ModelSettings settings = checked(
                new ModelSettings(
                        spec.provider,
                        spec.model,
                        baseUrl,
                        key,
                        timeout,
                        ModelSettings.DEFAULT_MAX_ATTEMPTS,
                        ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS,
                        ModelSettings.StructuredOutput.AUTO),
                "--model");
        return new ModelConfig(settings, Map.of(), tokenBudget, reviewTimeout);
    }

    /** A model as a file gives it, at the top level or for one agent; absent fields are null. */
    record ModelEntry(
            String model,
            String baseUrl,
            String apiKeyEnv,
            String apiKeyFile,
            String timeout,
            Long maxAttempts,
            Long maxOutputTokens,
            String structuredOutput) {

        boolean ownKey() {
            return apiKeyEnv != null || apiKeyFile != null;
        }
    }

    /**
     * The file as written: the shared model's fields, the analysis-wide limits, and per-agent entries,
     * each a model (an object) or off, which only the loader can tell apart.
     */
    record Document(
            String model,
            String baseUrl,
            String apiKeyEnv,
            String apiKeyFile,
            String timeout,
            Long maxAttempts,
            Long maxOutputTokens,
            String structuredOutput,
            Long tokenBudget,
            String reviewTimeout,
            Map<String, JsonNode> agents) {

        ModelEntry shared() {
            return new ModelEntry(
                    model, baseUrl, apiKeyEnv, apiKeyFile, timeout, maxAttempts, maxOutputTokens, structuredOutput);
        }
    }

    private static final ConfigDocuments<ModelConfigException> DOCUMENTS =
            new ConfigDocuments<>("model config", ModelConfigException::new);

    public ModelConfig fromFile(Path file) {
        Document doc = DOCUMENTS.read(file, Document.class, "");
        ModelEntry shared = doc.shared();
        ModelSettings defaults = shared.model() != null ? settings(shared, null, file + "") : null;
        Map<String, ModelSettings> perAgent = new LinkedHashMap<>();
        Map<String, JsonNode> agents = doc.agents() == null ? Map.of() : doc.agents();
        for (Map.Entry<String, JsonNode> e : agents.entrySet()) {
            JsonNode node = e.getValue();
            if (node.isBoolean() && !node.asBoolean()
                    || node.isTextual() && List.of("off", "none", "false").contains(node.asText())) {
                perAgent.put(e.getKey(), null);
                continue;
            }
            if (!node.isObject()) {
                throw new ModelConfigException(file + ": agents." + e.getKey() + " must be a model (an object) or off");
            }
            String where = file + ": agents." + e.getKey();
            perAgent.put(e.getKey(), settings(DOCUMENTS.bind(node, ModelEntry.class, where), shared, where));
        }
        if (doc.tokenBudget() != null && doc.tokenBudget() <= 0) {
            throw new ModelConfigException(
                    file + ": tokenBudget must be a positive whole number, was " + doc.tokenBudget());
        }
        long budget = doc.tokenBudget() != null ? doc.tokenBudget() : ModelConfig.DEFAULT_TOKEN_BUDGET;
        Duration reviewTimeout = doc.reviewTimeout() != null
                ? duration(doc.reviewTimeout(), file + ": reviewTimeout")
                : ModelConfig.DEFAULT_REVIEW_TIMEOUT;
        return new ModelConfig(defaults, perAgent, budget, reviewTimeout);
    }

    /** One model from an entry; fields it lacks are taken from {@code inherit} (the top level) when given. */
    private ModelSettings settings(ModelEntry node, ModelEntry inherit, String where) {
        String model = field(node, inherit, ModelEntry::model, false);
        if (model == null) {
            throw new ModelConfigException(
                    where + ": 'model' is missing (provider[:model], e.g. gemini:gemini-2.5-flash)");
        }
        Spec spec = Spec.parse(model, where + ": model");
        boolean sameProvider = inherit == null
                || inherit.model() == null
                || node.model() == null
                || Spec.parse(node.model(), where).provider == Spec.parse(inherit.model(), where).provider;
        String key;
        String keyFile =
                node.ownKey() ? node.apiKeyFile() : sameProvider && inherit != null ? inherit.apiKeyFile() : null;
        String keyEnv = node.ownKey() ? node.apiKeyEnv() : sameProvider && inherit != null ? inherit.apiKeyEnv() : null;
        if (keyFile != null) {
            key = readKey(Path.of(keyFile), where + ": apiKeyFile");
        } else if (keyEnv != null) {
            key = env.get(keyEnv);
            if (key == null || key.isBlank()) {
                throw new ModelConfigException(where + ": apiKeyEnv names " + keyEnv + ", which is not set");
            }
        } else {
            // An agent on another provider than the top level must not get the shared key (a local
            // Ollama would receive the Gemini key as a bearer token); only its provider's own variable.
            boolean otherProvider = inherit != null
                    && inherit.model() != null
                    && Spec.parse(inherit.model(), where).provider != spec.provider;
            key = defaultKey(spec.provider, !otherProvider);
        }
        try {
            String baseUrl = field(node, inherit, ModelEntry::baseUrl, true);
            String timeout = field(node, inherit, ModelEntry::timeout, false);
            Long attempts = field(node, inherit, ModelEntry::maxAttempts, false);
            Long maxOut = field(node, inherit, ModelEntry::maxOutputTokens, false);
            String structured = field(node, inherit, ModelEntry::structuredOutput, false);
            return checked(
                    new ModelSettings(
                            spec.provider,
                            spec.model,
                            baseUrl,
                            key,
                            timeout == null ? null : duration(timeout, where + ": timeout"),
                            attempts == null
                                    ? ModelSettings.DEFAULT_MAX_ATTEMPTS
                                    : positiveInt(attempts, where + ": maxAttempts"),
                            maxOut == null
                                    ? ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS
                                    : positiveInt(maxOut, where + ": maxOutputTokens"),
                            structured == null ? null : structuredOutput(structured, where)),
                    where);
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException(where + ": " + e.getMessage());
        }
    }

    /**
     * A field of a per-agent entry, else of the top level; the endpoint is inherited only by entries
     * of the same provider (a local vLLM does not want Gemini's URL).
     */
    private static <T> T field(
            ModelEntry node, ModelEntry inherit, java.util.function.Function<ModelEntry, T> get, boolean endpoint) {
        T own = get.apply(node);
        if (own != null || inherit == null) {
            return own;
        }
        if (endpoint
                && inherit.model() != null
                && node.model() != null
                && Spec.parse(node.model(), "model").provider != Spec.parse(inherit.model(), "model").provider) {
            return null;
        }
        return get.apply(inherit);
    }

    private ModelSettings checked(ModelSettings s, String where) {
        if (s.provider() == ModelProvider.REPLAY) {
            return s;
        }
        boolean hosted = s.baseUrl().equals(s.provider().defaultBaseUrl());
        if (hosted && s.apiKey().isEmpty()) {
            throw new ModelConfigException(
                    where + ": " + s.describe() + " at " + s.baseUrl() + " needs an API key: set " + KEY_ENV + " or "
                            + s.provider().conventionalKeyEnv() + ", or give a key file");
        }
        if (!s.baseUrl().startsWith("http://") && !s.baseUrl().startsWith("https://")) {
            throw new ModelConfigException(
                    where + ": base URL '" + s.baseUrl() + "' must start with http:// or https://");
        }
        return s;
    }

    private String defaultKey(ModelProvider provider, boolean shared) {
        if (provider == ModelProvider.REPLAY) {
            return "";
        }
        List<String> own = provider == ModelProvider.GEMINI
                ? List.of("GEMINI_API_KEY", "GOOGLE_API_KEY")
                : List.of("OPENAI_API_KEY");
        List<String> names = new java.util.ArrayList<>();
        if (shared) {
            names.add(KEY_ENV);
        }
        names.addAll(own);
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "";
    }

    private static String readKey(Path file, String what) {
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (key.isEmpty()) {
                throw new ModelConfigException(what + " " + file + " is empty");
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new ModelConfigException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new ModelConfigException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    private static int positiveInt(long n, String where) {
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new ModelConfigException(where + " must be a positive whole number, was " + n);
        }
        return (int) n;
    }

    private static Duration duration(String text, String where) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException(where + ": " + e.getMessage());
        }
    }

    private static ModelSettings.StructuredOutput structuredOutput(String text, String where) {
        try {
            return ModelSettings.StructuredOutput.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException(
                    where + ": structuredOutput must be auto, schema or instructions, was '" + text + "'");
        }
    }

    /** {@code provider[:model]}. */
    private record Spec(ModelProvider provider, String model) {

        static Spec parse(String text, String where) {
            String t = text == null ? "" : text.trim();
            int colon = t.indexOf(':');
            try {
                return colon < 0
                        ? new Spec(ModelProvider.parse(t), null)
                        : new Spec(
                                ModelProvider.parse(t.substring(0, colon)),
                                t.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new ModelConfigException(where + ": " + e.getMessage());
            }
        }
    }
}
