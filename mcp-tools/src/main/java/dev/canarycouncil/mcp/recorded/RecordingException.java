package dev.canarycouncil.mcp.recorded;

/** A recorded rollout directory that is missing a file or holds invalid content; the message names both. */
public class RecordingException extends RuntimeException {

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
