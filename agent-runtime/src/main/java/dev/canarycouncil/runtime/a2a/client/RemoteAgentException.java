package dev.canarycouncil.runtime.a2a.client;

/** A remote agent could not be reached, did not answer in time, or answered something unusable. */
public class RemoteAgentException extends RuntimeException {

    public RemoteAgentException(String message) {
        super(message);
    }

    public RemoteAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
