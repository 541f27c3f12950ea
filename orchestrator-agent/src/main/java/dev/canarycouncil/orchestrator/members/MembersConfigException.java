package dev.canarycouncil.orchestrator.members;

/** A members file or discovery setting that cannot be used; the message says what to fix. */
public final class MembersConfigException extends RuntimeException {

    public MembersConfigException(String message) {
        super(message);
    }
}
