package dev.canarycouncil.issuewriter.prose;

import dev.langchain4j.model.output.structured.Description;

/** The issue writer model's answer; its JSON schema is derived from this record. */
public record IssueText(
        @Description("a short paragraph for the maintainer: what broke in the canary, the evidence that shows it, "
                + "and its impact; Markdown allowed, no headings")
        String summary,

        @Description("a concrete fix direction for the developer or coding agent, naming the suspect code if any; "
                + "Markdown allowed, no headings")
        String suggestedFix) {}
