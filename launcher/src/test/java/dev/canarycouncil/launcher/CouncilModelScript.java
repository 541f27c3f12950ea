package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.testing.ModelReply;
import dev.canarycouncil.runtime.testing.ModelRequest;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A well-behaved model for the whole council, answering each agent by its system prompt: the log
 * analyst's reviewer first looks at the pods through the MCP tool, then agrees with the
 * deterministic verdict; the coordinator and the issue writer answer their JSON shapes.
 */
class CouncilModelScript implements Function<ModelRequest, ModelReply> {

    static final String ANALYSIS = "The model explains: the canary crashed where the stable did not.";
    static final String ROOT_CAUSE = "model-found root cause";
    static final String ISSUE_SUMMARY = "Model summary of the failure.";
    private static final Pattern ROLLOUT = Pattern.compile("of rollout ([^/\\s]+)/");
    private static final Pattern VERDICT =
            Pattern.compile("The deterministic verdict is (PROMOTE|ROLLBACK|INCONCLUSIVE)");

    @Override
    public ModelReply apply(ModelRequest r) {
        String system = r.systemText();
        if (system.contains("You are the coordinator")) {
            return ModelReply.json(Map.of("analysis", ANALYSIS, "rootCause", ROOT_CAUSE));
        }
        if (system.contains("Kubernetes SRE analysing a canary")) {
            // The raw-logs baseline; this model waves everything through.
            return ModelReply.json(Map.of("promote", true, "confidence", 80, "rootCause", "none"));
        }
        if (system.contains("You are the issue writer")) {
            return ModelReply.json(Map.of("summary", ISSUE_SUMMARY, "suggestedFix", "Guard the index before use."));
        }
        String prompt = r.messages().get(0).text();
        boolean lookedAtTools =
                r.messages().stream().anyMatch(t -> !t.toolResultTexts().isEmpty());
        if (r.toolNames().contains("list_pods") && !lookedAtTools) {
            Matcher ns = ROLLOUT.matcher(prompt);
            return ModelReply.toolCall(
                    "list_pods", "{\"namespace\":\"" + (ns.find() ? ns.group(1) : "default") + "\"}");
        }
        Matcher v = VERDICT.matcher(prompt);
        String verdict = v.find() ? v.group(1) : "INCONCLUSIVE";
        return ModelReply.json(Map.of(
                "verdict",
                verdict,
                "confidence",
                70,
                "reasoning",
                "The digest supports " + verdict + ".",
                "rootCause",
                "none"));
    }
}
