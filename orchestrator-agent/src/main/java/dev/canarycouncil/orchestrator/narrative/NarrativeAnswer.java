package dev.canarycouncil.orchestrator.narrative;

import dev.langchain4j.model.output.structured.Description;

/** The coordinator model's answer; its JSON schema is derived from this record. */
public record NarrativeAnswer(
        @Description("3 to 6 sentences for the SRE on call explaining the council's decision from the findings, "
                + "citing agents and evidence")
        String analysis,

        @Description("the most likely root cause in one sentence, or \"none\" when the canary is promoted")
        String rootCause) {}
