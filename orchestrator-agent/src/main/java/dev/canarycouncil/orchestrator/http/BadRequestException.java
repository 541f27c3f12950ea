package dev.canarycouncil.orchestrator.http;

/** A request to one of the orchestrator's HTTP endpoints that cannot be read: answered 400, naming the field. */
public final class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The culprit, e.g. {@code body}, {@code namespace} or {@code context.podName}. */
    public String field() {
        return field;
    }
}
