package dev.canarycouncil.orchestrator.gate;

/** A controller's request that cannot be read: answered 400, naming the field. */
public final class MeasurementRequestException extends RuntimeException {

    private final String field;

    public MeasurementRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
