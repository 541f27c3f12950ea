package dev.canarycouncil.orchestrator.chat;

/**
 * The coordinator's answer to one question, as sent back in a DataPart (and as text).
 *
 * @param contextId the investigation
 * @param question  the question as asked
 * @param intent    what the question was read as (help, why, templates, compare, ...)
 * @param text      the answer for a person
 * @param data      structured data behind the answer (e.g. both sides' series), or null
 */
public record Answer(String contextId, String question, String intent, String text, Object data) {}
