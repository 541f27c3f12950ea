package dev.canarycouncil.issuewriter.prose;

import dev.canarycouncil.runtime.schema.TokenUsage;

/**
 * The model-written sections of an issue, or why there are none.
 *
 * @param text   the sections; null when the template alone is used
 * @param model  the model consulted, or null without one
 * @param usage  tokens spent
 * @param note   why the model's text is missing, or null
 */
public record WrittenText(IssueText text, String model, TokenUsage usage, String note) {

    public static final WrittenText TEMPLATE_ONLY = new WrittenText(null, null, null, null);
}
