package dev.canarycouncil.orchestrator;


import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.orchestrator.council.UnresolvableTargetException;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.agent.AgentWork;
import dev.canarycouncil.runtime.agent.InvalidInputException;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;
import io.a2a.spec.Message;

/**
 * The coordinator's A2A work: an analysis target in (a DataPart, or the same JSON as text), the
 * verdict out as a DataPart with a text summary.
 */
public final class CouncilWork implements AgentWork {

    private final Council council;

    public CouncilWork(Council council) {
        this.council = council;
    }

    @Override
    public AgentOutput perform(Message message, Progress progress) throws Exception {
        AnalysisTarget target = target(message);
        Verdict verdict;
        try {
            verdict = council.analyze(target, progress);
        } catch (UnresolvableTargetException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return new AgentOutput("verdict", A2aParts.payload(A2aParts.VERDICT, verdict, summary(verdict)));
    }

    static AnalysisTarget target(Message message) {
        AnalysisTarget target;
        try {
            target = A2aParts.read(message.getParts(), A2aParts.ANALYSIS_TARGET, AnalysisTarget.class)
                    .orElseGet(() -> fromText(A2aParts.text(message.getParts())));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (target.namespace() == null || target.namespace().isBlank()) {
            throw new InvalidInputException("The analysis target needs a \"namespace\"");
        }
        if ((target.podName() == null || target.podName().isBlank())
                && (target.canarySelector() == null || target.canarySelector().isBlank())) {
            throw new InvalidInputException("The analysis target needs a \"podName\" (a canary pod or its "
                    + "pod-template hash) or a \"canarySelector\"");
        }
        return target;
    }

    private static AnalysisTarget fromText(String text) {
        String usage = "Send a DataPart with metadata kind=" + A2aParts.ANALYSIS_TARGET
                + ", or the JSON {\"namespace\": ..., \"podName\": ...} as text";
        if (text.isBlank()) {
            throw new InvalidInputException(usage);
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(usage);
            }
            return Json.mapper().treeToValue(node, AnalysisTarget.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(usage);
        }
    }

    /** The verdict in a few lines of text. */
    public static String summary(Verdict v) {
        StringBuilder s = new StringBuilder();
        s.append(v.decision()).append(" (confidence ").append(v.confidence()).append("%)\n");
        if ("model-assisted".equals(v.mode()) && v.analysis() != null && !v.analysis().isBlank()) {
            // The model's explanation, when one wrote it; the template prose would only repeat the lines below.
            s.append(v.analysis().strip()).append('\n');
        }
        s.append("Root cause: ").append(v.rootCause()).append('\n');
        s.append("Remediation: ").append(v.remediation()).append('\n');
        for (Finding f : v.findings()) {
            s.append("- ").append(f.agent()).append(": ").append(f.verdict()).append(" (").append(f.confidence())
                    .append("%) ").append(f.summary()).append('\n');
        }
        v.failures().forEach(f -> s.append("- ").append(f.agent()).append(": no finding (").append(f.reason()).append(")\n"));
        if (v.issue() != null) {
            s.append("Issue: ").append(v.issue().url() != null ? v.issue().url() : v.issue().title() + " (" + v.issue().state() + ")");
            if (v.issue().url() == null && v.issue().detail() != null) {
                s.append(": ").append(v.issue().detail());
            }
            s.append('\n');
        }
        return s.toString().trim();
    }

}
