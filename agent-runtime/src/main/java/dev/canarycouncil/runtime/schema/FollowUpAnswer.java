package dev.canarycouncil.runtime.schema;

/**
 * A specialist's answer to a follow-up question.
 *
 * @param agent the specialist that answered
 * @param text  the answer for a person
 * @param data  structured data behind it (e.g. both sides' series), or null
 */
public record FollowUpAnswer(String agent, String text, Object data) {}
