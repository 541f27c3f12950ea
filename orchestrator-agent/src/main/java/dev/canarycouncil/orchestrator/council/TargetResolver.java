package dev.canarycouncil.orchestrator.council;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.verification.CanaryRevision;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.ToolCallException;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.InlineLogs;
import dev.canarycouncil.runtime.schema.TargetKind;
import dev.canarycouncil.runtime.tools.RolloutPods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the caller named (a canary pod or hash, a canary selector, only the rollout, or a Flagger Canary) into the
 * full rollout context every specialist works from, through the MCP {@code resolve_rollout_pods} or
 * {@code resolve_flagger_canary} tool.
 */
public final class TargetResolver {

    private final McpToolClient tools;

    public TargetResolver(McpToolClient tools) {
        this.tools = tools;
    }

    public AnalysisRequest resolve(AnalysisTarget target, String analysisId) {
        if (target.kind() == TargetKind.FLAGGER_CANARY) {
            return flaggerCanary(target, analysisId);
        }
        String podName = target.podName();
        try {
            if ((podName == null || podName.isBlank()) && target.canarySelector() != null) {
                podName = hashOfFirstPod(target.namespace(), target.canarySelector());
            } else if ((podName == null || podName.isBlank()) && target.rollout() != null) {
                podName = currentHash(target.namespace(), target.rollout());
            }
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("namespace", target.namespace());
            args.put("podName", podName);
            if (target.rollout() != null) {
                args.put("rollout", target.rollout());
            }
            return request(
                    target,
                    Json.mapper().treeToValue(tools.call("resolve_rollout_pods", args), RolloutPods.class),
                    analysisId);
        } catch (ToolCallException e) {
            throw new UnresolvableTargetException(
                    "Could not resolve canary " + (podName == null ? target.canarySelector() : podName)
                            + " in namespace " + target.namespace() + ": " + e.getMessage(),
                    e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new UnresolvableTargetException(
                    "The MCP server resolved canary " + podName + " to something unreadable: " + e.getMessage(), e);
        }
    }

    private AnalysisRequest flaggerCanary(AnalysisTarget target, String analysisId) {
        try {
            JsonNode answer = tools.call(
                    "resolve_flagger_canary", Map.of("namespace", target.namespace(), "canary", target.rollout()));
            return request(target, Json.mapper().treeToValue(answer, RolloutPods.class), analysisId);
        } catch (ToolCallException e) {
            throw new UnresolvableTargetException(
                    "Could not resolve Flagger canary " + target.rollout() + " in namespace " + target.namespace()
                            + ": " + e.getMessage(),
                    e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new UnresolvableTargetException(
                    "The MCP server resolved Flagger canary " + target.rollout() + " to something unreadable: "
                            + e.getMessage(),
                    e);
        }
    }

    private static AnalysisRequest request(AnalysisTarget target, RolloutPods resolved, String analysisId) {
        InlineLogs inline = target.stableLogs() != null || target.canaryLogs() != null
                ? new InlineLogs(target.stableLogs(), target.canaryLogs())
                : null;
        return AnalysisRequest.builder(
                        analysisId, target.namespace(), resolved.canary(), resolved.stable(), resolved.window())
                .rollout(resolved.rollout())
                .service(resolved.service())
                .inlineLogs(inline)
                .hints(target.hints())
                .repository(target.repository())
                .kind(target.kind())
                .build();
    }

    /**
     * What the canary's pods say about the code they run (images, label and annotation values), to
     * name the pull request whose merge commit it runs. A failure costs that naming, not the analysis.
     */
    public CanaryRevision revision(AnalysisRequest request) {
        try {
            JsonNode pods = tools.call(
                            "list_pods",
                            Map.of(
                                    "namespace",
                                    request.namespace(),
                                    "selector",
                                    request.canary().selector() == null
                                            ? "rollouts-pod-template-hash="
                                                    + request.canary().podTemplateHash()
                                            : request.canary().selector()))
                    .path("pods");
            List<String> references = new ArrayList<>();
            for (JsonNode pod : pods) {
                pod.path("containers")
                        .forEach(c -> references.add(c.path("image").asText("")));
                pod.path("labels").forEach(v -> references.add(v.asText("")));
                pod.path("annotations").forEach(v -> references.add(v.asText("")));
            }
            return CanaryRevision.of(references);
        } catch (ToolCallException e) {
            return CanaryRevision.unread(e.getMessage());
        }
    }

    /** The rollout's canary: the pod-template hash of its current revision ({@code status.currentPodHash}). */
    private String currentHash(String namespace, String rollout) {
        String hash = tools.call("get_rollout_status", Map.of("namespace", namespace, "rollout", rollout))
                .path("canaryHash")
                .asText("");
        if (hash.isBlank()) {
            throw new ToolCallException(
                    "get_rollout_status", "rollout " + rollout + " has no current pod-template hash yet");
        }
        return hash;
    }

    private String hashOfFirstPod(String namespace, String selector) {
        JsonNode pods = tools.call("list_pods", Map.of("namespace", namespace, "selector", selector))
                .path("pods");
        List<String> hashes = new ArrayList<>();
        for (JsonNode pod : pods) {
            String hash = pod.path("labels").path("rollouts-pod-template-hash").asText(null);
            if (hash != null && !hashes.contains(hash)) {
                hashes.add(hash);
            }
        }
        if (hashes.size() != 1) {
            throw new ToolCallException(
                    "list_pods",
                    hashes.isEmpty()
                            ? "no pod with a rollouts-pod-template-hash label matches " + selector
                            : "the selector " + selector + " matches several pod-template hashes " + hashes);
        }
        return hashes.get(0);
    }
}
