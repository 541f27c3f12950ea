package dev.canarycouncil.orchestrator.council;

/** Which analyses may file their remediation issue; the others return it as a draft. */
public enum IssueScope {
    /** Only those a release controller asked for: what a server does, so a token holder cannot flood the tracker. */
    CONTROLLER_ANALYSES,
    /** Every one: a one-shot {@code analyze} run by its operator. */
    EVERY_ANALYSIS;

    boolean files(Requester requester) {
        return this == EVERY_ANALYSIS || requester == Requester.CONTROLLER;
    }
}
