package dev.canarycouncil.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.chat.Answer;
import dev.canarycouncil.orchestrator.chat.Investigations;
import dev.canarycouncil.orchestrator.chat.Investigator;
import dev.canarycouncil.orchestrator.chat.PastAnalyses;
import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.orchestrator.council.UnresolvableTargetException;
import dev.canarycouncil.orchestrator.council.VerdictSummary;
import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.agent.AgentWork;
import dev.canarycouncil.runtime.agent.InvalidInputException;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Verdict;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import java.util.Optional;

/**
 * The coordinator's A2A work: an analysis target in (a DataPart, or the same JSON as text), the
 * verdict out as a DataPart with a text summary. The analysis starts an investigation in its A2A
 * context: later text messages in the same context are questions about it ("why was it rolled
 * back?", "compare p99 latency"), answered with the evidence. A question whose message metadata names
 * {@value #ANALYSIS_ID} is about that kept analysis, in whatever context it is asked: that is how the
 * page discusses a past analysis, and how a conversation survives a restart or another replica.
 */
public final class CouncilWork implements AgentWork {

    private final Council council;
    private final Investigations investigations;
    private final Investigator investigator;
    private final PastAnalyses past;

    /** The message metadata key naming the kept analysis a question is about. */
    public static final String ANALYSIS_ID = "analysisId";

    /** Analyses only: questions are answered with a pointer to the analysis. */
    public CouncilWork(Council council) {
        this(council, Investigations.defaults(), null, PastAnalyses.NONE);
    }

    /** @param past kept analyses a question may name */
    public CouncilWork(Council council, Investigations investigations, Investigator investigator, PastAnalyses past) {
        this.council = council;
        this.investigations = investigations;
        this.investigator = investigator;
        this.past = past;
    }

    @Override
    public AgentOutput perform(Message message, Progress progress) throws Exception {
        return perform(message, message.getContextId(), progress);
    }

    @Override
    public AgentOutput perform(Message message, String contextId, Progress progress) throws Exception {
        if (!asksAnalysis(message)) {
            return answer(message, contextId, progress);
        }
        AnalysisTarget target = target(message);
        Council.Analysis analysis;
        try {
            analysis = council.analyzeFully(target, Requester.PEER, progress);
        } catch (UnresolvableTargetException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Verdict verdict = analysis.verdict();
        if (contextId != null) {
            investigations.remember(contextId, analysis.request(), verdict);
        }
        return new AgentOutput(
                "verdict",
                A2aParts.payload(
                        A2aParts.VERDICT,
                        verdict,
                        VerdictSummary.of(verdict)
                                + (investigator == null
                                        ? ""
                                        : "\nAsk about it in this conversation, e.g. \"why was it rolled back?\" or /help.")));
    }

    /** A target DataPart, or text that is a JSON object, asks for an analysis; other text is a question. */
    private static boolean asksAnalysis(Message message) {
        boolean dataTarget = message.getParts().stream()
                .anyMatch(p -> p instanceof DataPart d
                        && d.getMetadata() != null
                        && A2aParts.ANALYSIS_TARGET.equals(d.getMetadata().get(A2aParts.KIND)));
        return dataTarget || A2aParts.text(message.getParts()).strip().startsWith("{");
    }

    private AgentOutput answer(Message message, String contextId, Progress progress) throws InterruptedException {
        String question = A2aParts.text(message.getParts()).strip();
        if (question.isEmpty()) {
            // Neither a target nor a question: say what is expected.
            target(message);
        }
        if (investigator == null) {
            throw new InvalidInputException(
                    "This coordinator answers analysis targets only; send {\"namespace\": ..., \"podName\": ...}");
        }
        Investigations.Investigation investigation = investigation(message, contextId);
        Answer answer = investigator.answer(investigation, question, progress);
        return new AgentOutput("answer", A2aParts.payload(A2aParts.ANSWER, answer, answer.text()));
    }

    /** The analysis the message names, else the one this conversation started with. */
    private Investigations.Investigation investigation(Message message, String contextId) {
        Object named =
                message.getMetadata() == null ? null : message.getMetadata().get(ANALYSIS_ID);
        if (named == null) {
            return investigations
                    .find(contextId)
                    .or(() -> rebuilt(contextId))
                    .orElseThrow(() -> new InvalidInputException("No investigation in this conversation"
                            + (contextId == null ? "" : " (context " + contextId + ")")
                            + ": start one by sending the canary to analyse, {\"namespace\": ..., \"podName\": ...}, "
                            + "in the same context, or name a kept analysis in the message metadata as \""
                            + ANALYSIS_ID + "\". Investigations are forgotten after "
                            + Investigations.DEFAULT_IDLE.toHours() + " h idle."));
        }
        if (!(named instanceof String id) || id.isBlank()) {
            throw new InvalidInputException("The message metadata \"" + ANALYSIS_ID + "\" must be an analysis id");
        }
        Optional<Investigations.Investigation> current = investigations.find(contextId);
        if (current.isPresent() && id.equals(current.get().verdict().analysisId())) {
            return current.get();
        }
        PastAnalyses.Past kept;
        try {
            kept = past.find(id).orElseThrow(() -> new InvalidInputException("No analysis " + id + " in the history"));
        } catch (PastAnalyses.PastAnalysisUnavailableException e) {
            throw new InvalidInputException("Cannot discuss analysis " + id + ": " + e.getMessage());
        }
        if (contextId == null) {
            return new Investigations.Investigation(null, kept.request(), kept.verdict(), java.time.Instant.now());
        }
        investigations.remember(contextId, kept.request(), kept.verdict());
        return investigations.find(contextId).orElseThrow();
    }

    /** The conversation as the history kept it, remembered here again. */
    private Optional<Investigations.Investigation> rebuilt(String contextId) {
        if (contextId == null) {
            return Optional.empty();
        }
        Optional<PastAnalyses.Past> kept;
        try {
            kept = past.ofConversation(contextId);
        } catch (PastAnalyses.PastAnalysisUnavailableException e) {
            return Optional.empty();
        }
        kept.ifPresent(p -> investigations.remember(contextId, p.request(), p.verdict()));
        return kept.flatMap(p -> investigations.find(contextId));
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
}
