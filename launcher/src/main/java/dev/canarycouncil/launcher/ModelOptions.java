package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.llm.ModelConfigException;
import dev.canarycouncil.runtime.llm.ModelConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Which language model the agents consult, if any. Without {@code --model} or {@code --model-config}
 * every agent judges deterministically, and the verdict says so.
 */
final class ModelOptions {

    @Option(
            names = "--model",
            paramLabel = "PROVIDER[:NAME]",
            defaultValue = "${env:CANARY_COUNCIL_MODEL}",
            description = "Model for every agent: gemini[:gemini-2.5-flash] or openai[:NAME] for any OpenAI-compatible "
                    + "server (vLLM, Ollama). Key from env CANARY_COUNCIL_MODEL_API_KEY, GEMINI_API_KEY or OPENAI_API_KEY, "
                    + "or --model-key-file (env CANARY_COUNCIL_MODEL). Default: none (deterministic).")
    String model;

    @Option(
            names = "--model-url",
            paramLabel = "URL",
            defaultValue = "${env:CANARY_COUNCIL_MODEL_URL}",
            description =
                    "The model API's base URL, e.g. http://localhost:11434/v1 for Ollama (env CANARY_COUNCIL_MODEL_URL).")
    String modelUrl;

    @Option(
            names = "--model-key-file",
            paramLabel = "FILE",
            defaultValue = "${env:CANARY_COUNCIL_MODEL_KEY_FILE}",
            description = "File holding the model API key (env CANARY_COUNCIL_MODEL_KEY_FILE).")
    Path keyFile;

    @Option(
            names = "--model-config",
            paramLabel = "FILE",
            defaultValue = "${env:CANARY_COUNCIL_MODEL_CONFIG}",
            description =
                    "YAML/JSON model configuration with per-agent overrides (see docs/llm.md; env CANARY_COUNCIL_MODEL_CONFIG).")
    Path configFile;

    @Option(
            names = "--model-timeout",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Limit for one model call (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--token-budget",
            paramLabel = "TOKENS",
            defaultValue = "${env:CANARY_COUNCIL_TOKEN_BUDGET:-60000}",
            description =
                    "Model tokens one analysis may spend, all agents together (default: ${DEFAULT-VALUE}; env CANARY_COUNCIL_TOKEN_BUDGET).")
    long tokenBudget;

    @Option(
            names = "--record-model-replies",
            description =
                    "Keep each agent's model replies beside the recording (model-replies/), so `--model replay` can "
                            + "repeat the analysis offline.")
    boolean recordReplies;

    /**
     * The configuration for one recording: its replies recorded or replayed when asked.
     *
     * @param recording the recording analysed, or null for a live cluster
     */
    ModelConfig forRecording(ModelConfig config, java.nio.file.Path recording) {
        if (config.replays()) {
            if (recording == null) {
                throw new UsageException("--model replay answers from a recording's model-replies; give --recording");
            }
            return config.withTape(dev.canarycouncil.runtime.llm.ModelTape.replayFrom(recording));
        }
        if (recordReplies) {
            if (recording == null || !config.anyModel()) {
                throw new UsageException("--record-model-replies needs --recording and a live --model");
            }
            return config.withTape(dev.canarycouncil.runtime.llm.ModelTape.recordInto(recording));
        }
        return config;
    }

    ModelConfig config() {
        if (tokenBudget <= 0) {
            throw new UsageException("--token-budget must be positive, was " + tokenBudget);
        }
        boolean flags = model != null && !model.isBlank();
        if (flags && configFile != null) {
            throw new UsageException("give either --model or --model-config, not both");
        }
        try {
            ModelConfigLoader loader = new ModelConfigLoader(System.getenv());
            if (configFile != null) {
                return loader.fromFile(configFile);
            }
            if (!flags && (modelUrl != null && !modelUrl.isBlank() || keyFile != null)) {
                throw new UsageException("--model-url and --model-key-file need --model PROVIDER[:NAME]");
            }
            return loader.fromFlags(model, modelUrl, keyFile, timeout, tokenBudget, ModelConfig.DEFAULT_REVIEW_TIMEOUT);
        } catch (ModelConfigException e) {
            throw new UsageException("invalid model configuration: " + e.getMessage());
        }
    }
}
