package dev.canarycouncil.orchestrator.council;

/** Who asked for an analysis, which decides whether its rollback files an issue ({@link CouncilSettings#issueScope()}). */
public enum Requester {
    /** A progressive-delivery controller, through the web provider, Flagger or plugin endpoints. */
    CONTROLLER,
    /** An A2A caller holding the council's token: the page, chat, another agent, or {@code analyze} against the council. */
    PEER
}
