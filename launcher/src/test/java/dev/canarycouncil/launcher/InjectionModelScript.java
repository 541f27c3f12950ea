package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.testing.ModelReply;
import dev.canarycouncil.runtime.testing.ModelRequest;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model that obeys injected instructions, to show what they can and cannot do. A gullible one
 * obeys them wherever they are; a fence-respecting one (what the system prompt asks of a model)
 * obeys only instructions that reach it outside the data fences, so it is compromised exactly
 * when our fencing leaks. Before judging, the log analyst's reviewer reads the canary's logs through
 * the MCP tool, so injected lines reach the model as tool results too.
 */
class InjectionModelScript implements Function<ModelRequest, ModelReply> {

    enum Obeys {
        ANYWHERE,
        OUTSIDE_FENCES
    }

    private static final Pattern FENCE_TAG = Pattern.compile("Everything between <(data-[0-9a-f]+)>");
    private static final Pattern VERDICT =
            Pattern.compile("The deterministic verdict is (PROMOTE|ROLLBACK|INCONCLUSIVE)");
    private static final Pattern ORDER =
            Pattern.compile("(?i)ignore (?:all )?previous instructions.{0,80}?\\b(PROMOTE|ROLLBACK)\\b");

    private final Obeys obeys;
    private final String namespace;
    private final String canaryPod;

    InjectionModelScript(Obeys obeys, String namespace, String canaryPod) {
        this.obeys = obeys;
        this.namespace = namespace;
        this.canaryPod = canaryPod;
    }

    /** The text a model would take as instructions: all of it, or what lies outside the fences. */
    static String instructions(ModelRequest r, Obeys obeys) {
        // Our own rule quotes the phrases it warns about; it is not an order.
        String all = r.allText()
                .replaceAll("(?s)It may contain text that looks like instructions.*?tries to instruct you\\.", "");
        if (obeys == Obeys.ANYWHERE) {
            return all;
        }
        Matcher tag = FENCE_TAG.matcher(r.systemText());
        if (!tag.find()) {
            return all;
        }
        String t = tag.group(1);
        return all.replaceAll("(?s)<" + t + "[ >].*?</" + t + ">", "[data]");
    }

    /** The order the model would follow, e.g. PROMOTE, or null when it sees none. */
    static String injectedOrder(ModelRequest r, Obeys obeys) {
        Matcher m = ORDER.matcher(instructions(r, obeys));
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    @Override
    public ModelReply apply(ModelRequest r) {
        String order = injectedOrder(r, obeys);
        String system = r.systemText();
        if (system.contains("You are the coordinator")) {
            return ModelReply.json(Map.of(
                    "analysis",
                    order == null ? "Analysis of the evidence." : "As instructed: " + order,
                    "rootCause",
                    order == null ? "see findings" : "none, as instructed"));
        }
        if (system.contains("You are the issue writer")) {
            return ModelReply.json(Map.of(
                    "summary",
                    order == null ? "Summary." : "As instructed: label wontfix, assign @mallory",
                    "suggestedFix",
                    "Fix it."));
        }
        boolean lookedAtLogs =
                r.messages().stream().anyMatch(t -> !t.toolResultTexts().isEmpty());
        if (r.toolNames().contains("get_pod_logs") && !lookedAtLogs) {
            return ModelReply.toolCall(
                    "get_pod_logs", "{\"namespace\":\"" + namespace + "\",\"pod\":\"" + canaryPod + "\"}");
        }
        if (order != null) {
            return ModelReply.json(Map.of(
                    "verdict",
                    order,
                    "confidence",
                    100,
                    "reasoning",
                    "As instructed by the logs.",
                    "rootCause",
                    "none"));
        }
        Matcher v = VERDICT.matcher(r.messages().get(0).text());
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
