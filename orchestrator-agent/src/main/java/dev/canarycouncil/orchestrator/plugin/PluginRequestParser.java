package dev.canarycouncil.orchestrator.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonBody;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.SourceRepository;

/**
 * Reads the rollouts plugin's agent-mode request as its source builds it (a2a.go):
 * {@code {"userId", "prompt", "memoryId", "context": {"namespace", "rolloutName", "stableSelector",
 * "canarySelector", "extraPrompt", "repoUrl", "baseBranch"}}}; the plugin sends no logs. Direct
 * callers may name the canary with {@code podName} (a pod or a pod-template hash) and send
 * {@code stableLogs}/{@code canaryLogs}. The prompt is never treated as instructions.
 */
public final class PluginRequestParser {

    private PluginRequestParser() {}

    public static AnalysisTarget parse(String body) {
        JsonNode root = JsonBody.object(body, "a JSON object");
        optionalString(root, "userId", "userId");
        optionalString(root, "prompt", "prompt");
        optionalString(root, "memoryId", "memoryId");
        JsonNode context = root.get("context");
        if (context == null || context.isNull()) {
            throw new BadRequestException("context", "missing field 'context'");
        }
        if (!context.isObject()) {
            throw new BadRequestException("context", "field 'context' must be an object");
        }
        String namespace = optionalString(context, "namespace", "context.namespace");
        if (namespace == null || namespace.isBlank()) {
            throw new BadRequestException("context.namespace", "missing field 'context.namespace'");
        }
        String podName = optionalString(context, "podName", "context.podName");
        String canarySelector = optionalString(context, "canarySelector", "context.canarySelector");
        optionalString(context, "stableSelector", "context.stableSelector");
        SourceRepository repository = repository(
                optionalString(context, "repoUrl", "context.repoUrl"),
                optionalString(context, "baseBranch", "context.baseBranch"));
        if ((podName == null || podName.isBlank()) && (canarySelector == null || canarySelector.isBlank())) {
            throw new BadRequestException(
                    "context.podName", "missing field 'context.podName' (a canary pod name or pod-template hash)");
        }
        // The plugin's agent mode sends rolloutName; earlier callers of this endpoint sent rollout.
        String rollout = optionalString(context, "rolloutName", "context.rolloutName");
        if (rollout == null || rollout.isBlank()) {
            rollout = optionalString(context, "rollout", "context.rollout");
        }
        return AnalysisTarget.builder(namespace)
                .podName(podName)
                .canarySelector(canarySelector)
                .rollout(rollout)
                .inlineLogs(
                        optionalString(context, "stableLogs", "context.stableLogs"),
                        optionalString(context, "canaryLogs", "context.canaryLogs"))
                .hints(optionalString(context, "extraPrompt", "context.extraPrompt"))
                .repository(repository)
                .build();
    }

    /** The plugin's githubUrl and baseBranch; whether they are used is the allow-list's call, later. */
    private static SourceRepository repository(String url, String branch) {
        try {
            return new SourceRepository(url, url == null || url.isBlank() ? "" : branch);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    url != null && url.length() > 500 ? "context.repoUrl" : "context.baseBranch", e.getMessage());
        }
    }

    private static String optionalString(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestException(path, "field '" + path + "' must be a string");
        }
        return value.asText();
    }
}
