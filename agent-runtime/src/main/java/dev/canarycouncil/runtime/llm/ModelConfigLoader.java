package dev.canarycouncil.runtime.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.config.DurationText;
import dev.canarycouncil.runtime.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final Set<String> MODEL_FIELDS = Set.of("model", "baseUrl", "apiKeyEnv", "apiKeyFile", "timeout",
            "maxAttempts", "maxOutputTokens", "structuredOutput");
    private static final Set<String> ENDPOINT_FIELDS = Set.of("baseUrl", "apiKeyEnv", "apiKeyFile");
    private static final Set<String> TOP_FIELDS = Set.of("tokenBudget", "reviewTimeout", "agents");

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
    public ModelConfig fromFlags(String modelSpec, String baseUrl, Path keyFile, Duration timeout, long tokenBudget,
                                 Duration reviewTimeout) {
        if (modelSpec == null || modelSpec.isBlank()) {
            return new ModelConfig(null, Map.of(), tokenBudget, reviewTimeout);
        }
        Spec spec = Spec.parse(modelSpec, "--model");
        String key = keyFile != null ? readKey(keyFile, "--model-key-file") : defaultKey(spec.provider, true);
        ModelSettings settings = checked(new ModelSettings(spec.provider, spec.model, baseUrl, key, timeout,
                ModelSettings.DEFAULT_MAX_ATTEMPTS, ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS,
                ModelSettings.StructuredOutput.AUTO), "--model");
        return new ModelConfig(settings, Map.of(), tokenBudget, reviewTimeout);
    }

    public ModelConfig fromFile(Path file) {
        JsonNode root;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            root = Json.configYaml().readTree(text);
        } catch (NoSuchFileException e) {
            throw new ModelConfigException("model config " + file + " does not exist");
        } catch (IOException e) {
            throw new ModelConfigException("cannot read model config " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ModelConfigException("model config " + file + " must be a YAML or JSON object");
        }
        requireKnown(root, union(MODEL_FIELDS, TOP_FIELDS), "the top level of " + file);
        ModelSettings defaults = root.has("model") ? settings(root, null, file + "") : null;
        Map<String, ModelSettings> perAgent = new LinkedHashMap<>();
        JsonNode agents = root.path("agents");
        if (!agents.isMissingNode() && !agents.isObject()) {
            throw new ModelConfigException(file + ": 'agents' must map agent names to a model or to off");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = agents.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode node = e.getValue();
            if (node.isBoolean() && !node.asBoolean() || node.isTextual() && List.of("off", "none", "false").contains(node.asText())) {
                perAgent.put(e.getKey(), null);
                continue;
            }
            if (!node.isObject()) {
                throw new ModelConfigException(file + ": agents." + e.getKey() + " must be a model (an object) or off");
            }
            requireKnown(node, MODEL_FIELDS, "agents." + e.getKey() + " in " + file);
            perAgent.put(e.getKey(), settings(node, root, file + ": agents." + e.getKey()));
        }
        long budget = root.has("tokenBudget") ? positiveLong(root.get("tokenBudget"), file + ": tokenBudget")
                : ModelConfig.DEFAULT_TOKEN_BUDGET;
        Duration reviewTimeout = root.has("reviewTimeout") ? duration(root.get("reviewTimeout"), file + ": reviewTimeout")
                : ModelConfig.DEFAULT_REVIEW_TIMEOUT;
        return new ModelConfig(defaults, perAgent, budget, reviewTimeout);
    }

    /** One model from a node; fields it lacks are taken from {@code inherit} (the top level) when given. */
    private ModelSettings settings(JsonNode node, JsonNode inherit, String where) {
        JsonNode modelNode = field(node, inherit, "model");
        if (modelNode == null) {
            throw new ModelConfigException(where + ": 'model' is missing (provider[:model], e.g. gemini:gemini-2.5-flash)");
        }
        Spec spec = Spec.parse(modelNode.asText(), where + ": model");
        String key;
        boolean ownKey = node.has("apiKeyFile") || node.has("apiKeyEnv");
        JsonNode keyFile = ownKey ? node.get("apiKeyFile") : field(node, inherit, "apiKeyFile");
        JsonNode keyEnv = ownKey ? node.get("apiKeyEnv") : field(node, inherit, "apiKeyEnv");
        if (keyFile != null) {
            key = readKey(Path.of(keyFile.asText()), where + ": apiKeyFile");
        } else if (keyEnv != null) {
            key = env.get(keyEnv.asText());
            if (key == null || key.isBlank()) {
                throw new ModelConfigException(where + ": apiKeyEnv names " + keyEnv.asText() + ", which is not set");
            }
        } else {
            // An agent on another provider than the top level must not get the shared key (a local
            // Ollama would receive the Gemini key as a bearer token); only its provider's own variable.
            boolean otherProvider = inherit != null && inherit.has("model")
                    && Spec.parse(inherit.get("model").asText(), where).provider != spec.provider;
            key = defaultKey(spec.provider, !otherProvider);
        }
        try {
            JsonNode baseUrl = field(node, inherit, "baseUrl");
            JsonNode timeout = field(node, inherit, "timeout");
            JsonNode attempts = field(node, inherit, "maxAttempts");
            JsonNode maxOut = field(node, inherit, "maxOutputTokens");
            JsonNode structured = field(node, inherit, "structuredOutput");
            return checked(new ModelSettings(spec.provider, spec.model,
                    baseUrl == null ? null : baseUrl.asText(), key,
                    timeout == null ? null : duration(timeout, where + ": timeout"),
                    attempts == null ? ModelSettings.DEFAULT_MAX_ATTEMPTS : (int) positiveLong(attempts, where + ": maxAttempts"),
                    maxOut == null ? ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS : (int) positiveLong(maxOut, where + ": maxOutputTokens"),
                    structured == null ? null : structuredOutput(structured.asText(), where)), where);
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException(where + ": " + e.getMessage());
        }
    }

    /**
     * A field of a per-agent entry, else of the top level; the endpoint and its key are inherited
     * only by entries of the same provider (a local vLLM does not want Gemini's key).
     */
    private static JsonNode field(JsonNode node, JsonNode inherit, String name) {
        if (node.has(name)) {
            return node.get(name);
        }
        if (inherit == null || !inherit.has(name)) {
            return null;
        }
        if (ENDPOINT_FIELDS.contains(name) && inherit.has("model") && node.has("model")
                && Spec.parse(node.get("model").asText(), name).provider != Spec.parse(inherit.get("model").asText(), name).provider) {
            return null;
        }
        return inherit.get(name);
    }

    private ModelSettings checked(ModelSettings s, String where) {
        if (s.provider() == ModelProvider.REPLAY) {
            return s;
        }
        boolean hosted = s.baseUrl().equals(s.provider().defaultBaseUrl());
        if (hosted && s.apiKey().isEmpty()) {
            throw new ModelConfigException(where + ": " + s.describe() + " at " + s.baseUrl() + " needs an API key: set "
                    + KEY_ENV + " or " + s.provider().conventionalKeyEnv() + ", or give a key file");
        }
        if (!s.baseUrl().startsWith("http://") && !s.baseUrl().startsWith("https://")) {
            throw new ModelConfigException(where + ": base URL '" + s.baseUrl() + "' must start with http:// or https://");
        }
        return s;
    }

    private String defaultKey(ModelProvider provider, boolean shared) {
        if (provider == ModelProvider.REPLAY) {
            return "";
        }
        List<String> own = provider == ModelProvider.GEMINI ? List.of("GEMINI_API_KEY", "GOOGLE_API_KEY") : List.of("OPENAI_API_KEY");
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

    private static void requireKnown(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new ModelConfigException("unknown field '" + name + "' in " + where + "; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var s = new java.util.TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    private static long positiveLong(JsonNode n, String where) {
        if (!n.canConvertToLong() || n.asLong() <= 0) {
            throw new ModelConfigException(where + " must be a positive whole number, was " + n);
        }
        return n.asLong();
    }

    private static Duration duration(JsonNode n, String where) {
        try {
            return DurationText.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException(where + ": " + e.getMessage());
        }
    }

    private static ModelSettings.StructuredOutput structuredOutput(String text, String where) {
        try {
            return ModelSettings.StructuredOutput.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException(where + ": structuredOutput must be auto, schema or instructions, was '" + text + "'");
        }
    }

    /** {@code provider[:model]}. */
    private record Spec(ModelProvider provider, String model) {

        static Spec parse(String text, String where) {
            String t = text == null ? "" : text.trim();
            int colon = t.indexOf(':');
            try {
                return colon < 0 ? new Spec(ModelProvider.parse(t), null)
                        : new Spec(ModelProvider.parse(t.substring(0, colon)), t.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new ModelConfigException(where + ": " + e.getMessage());
            }
        }
    }
}
