package dev.canarycouncil.runtime.agent;

/**
 * The caller sent something the agent cannot work on. The A2A task ends REJECTED with this
 * message, which must tell the caller what to send instead.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
