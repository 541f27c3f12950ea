package dev.canarycouncil.evals.baseline;

import dev.langchain4j.model.output.structured.Description;

/** What the original rollouts plugin asks its model for, in our schema-checked form. */
public record RawLogsAnswer(
        @Description("true to promote the canary, false to roll it back")
        boolean promote,

        @Description("0-100: how sure you are") int confidence,

        @Description("the error that makes the canary fail, or \"none\"")
        String rootCause) {}
