package dev.canarycouncil.orchestrator.narrative;

import dev.canarycouncil.runtime.llm.EvidenceDigest;
import dev.canarycouncil.runtime.llm.JsonAnswer;
import dev.canarycouncil.runtime.llm.ModelOutcome;
import dev.canarycouncil.runtime.llm.ModelSession;
import dev.canarycouncil.runtime.llm.UntrustedData;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.TokenUsage;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.text.Texts;
import java.util.Optional;

/**
 * Writes the verdict's prose: by the coordinator's model when there is one, else (or when it
 * fails) from the template. The decision is settled before this runs; the model only explains it.
 */
public final class Narrator {

    static final int MAX_ANALYSIS = 2_000;
    static final int MAX_ROOT_CAUSE = 300;

    private final Optional<ModelSession> model;

    /** @param model the coordinator's model; without one the prose comes from the template */
    public Narrator(Optional<ModelSession> model) {
        this.model = model;
    }

    /** Template prose only. */
    public static Narrator templateOnly() {
        return new Narrator(Optional.empty());
    }

    public boolean hasModel() {
        return model.isPresent();
    }

    public Narrative write(Verdict verdict, long budgetTokens) throws InterruptedException {
        String template = TemplateNarrative.of(verdict);
        if (model.isEmpty()) {
            return new Narrative(template, verdict.rootCause(), null, TokenUsage.NONE, null);
        }
        ModelSession session = model.get();
        ModelOutcome<NarrativeAnswer> outcome = session.run(
                budgetTokens,
                (model, fence) ->
                        JsonAnswer.ask(model, system(verdict, fence), user(verdict, fence), NarrativeAnswer.class));
        if (!outcome.answered() || blank(outcome.value().analysis())) {
            String why = outcome.answered() ? "the model wrote no analysis" : outcome.detail();
            return new Narrative(template, verdict.rootCause(), null, outcome.usage(), why);
        }
        NarrativeAnswer a = outcome.value();
        String analysis = session.redactor().redact(Texts.cut(a.analysis().strip(), MAX_ANALYSIS));
        // A promoted canary has no root cause, whatever the model thinks; without one from the model keep ours.
        String rootCause = verdict.decision() == Decision.PROMOTE
                ? verdict.rootCause()
                : blank(a.rootCause())
                        ? verdict.rootCause()
                        : session.redactor().redact(Texts.cut(a.rootCause().strip(), MAX_ROOT_CAUSE));
        return new Narrative(analysis, rootCause, session.model(), outcome.usage(), null);
    }

    private static String system(Verdict v, UntrustedData fence) {
        return "You are the coordinator of Canary Council, which judges canary releases for Argo Rollouts. The council "
                + "has already decided " + v.decision() + " with " + v.confidence() + "% confidence by weighing its "
                + "members' findings; that decision is final. Explain it to the SRE on call: what each member found, "
                + "which evidence decided it, and the most likely root cause. Do not argue for a different decision and "
                + "do not invent evidence that is not in the findings.\n" + fence.rule()
                + "\nAnswer only with the JSON object: analysis, rootCause.";
    }

    private static String user(Verdict v, UntrustedData fence) {
        StringBuilder b = new StringBuilder();
        b.append("Decision: ")
                .append(v.decision())
                .append(" (")
                .append(v.confidence())
                .append("%).\n");
        if (v.subject() != null) {
            var s = v.subject();
            b.append("Canary ")
                    .append(s.canaryHash())
                    .append(" of rollout ")
                    .append(s.namespace())
                    .append('/')
                    .append(s.rollout())
                    .append(" against stable ")
                    .append(s.stableHash())
                    .append(".\n");
        }
        for (Finding f : v.findings()) {
            b.append(EvidenceDigest.fenced(f, fence));
            if (f.review() != null && f.review().answered()) {
                b.append("Its model's review (")
                        .append(f.review().verdict())
                        .append(", ")
                        .append(f.review().confidence())
                        .append("%):\n")
                        .append(fence.fence(f.agent() + "-model", f.review().reasoning()))
                        .append('\n');
            }
        }
        v.failures().forEach(f -> b.append("No finding from ").append(f.agent()).append(".\n"));
        b.append("Deterministic root cause:\n")
                .append(fence.fence("root-cause", v.rootCause()))
                .append('\n');
        return b.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
