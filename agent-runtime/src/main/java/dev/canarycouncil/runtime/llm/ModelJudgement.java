package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.text.Texts;
import dev.langchain4j.model.output.structured.Description;

/** The structured answer a reviewing model must give; its JSON schema is derived from this record. */
public record ModelJudgement(
        @Description("PROMOTE if the canary is at least as healthy as the stable, ROLLBACK if it is broken, "
                + "INCONCLUSIVE if the evidence cannot tell")
        Decision verdict,

        @Description("0-100: how sure you are of the verdict")
        int confidence,

        @Description(
                "at most three sentences citing the evidence items (templates, counts, metrics) behind the verdict")
        String reasoning,

        @Description("the most likely root cause in one sentence, or \"none\"")
        String rootCause) {

    static final int MAX_REASONING = 1_500;
    static final int MAX_ROOT_CAUSE = 300;

    /** @throws InvalidModelAnswerException when the answer is not a usable judgement */
    ModelJudgement validated() {
        if (verdict == null) {
            throw new InvalidModelAnswerException("the answer has no verdict");
        }
        if (confidence < 0 || confidence > 100) {
            throw new InvalidModelAnswerException("confidence " + confidence + " is outside 0..100");
        }
        if (reasoning == null || reasoning.isBlank()) {
            throw new InvalidModelAnswerException("the answer gives no reasoning");
        }
        return new ModelJudgement(
                verdict,
                confidence,
                Texts.cut(reasoning.strip(), MAX_REASONING),
                rootCause == null || rootCause.isBlank() ? "none" : Texts.cut(rootCause.strip(), MAX_ROOT_CAUSE));
    }
}
