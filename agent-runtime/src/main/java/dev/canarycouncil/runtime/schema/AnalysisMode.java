package dev.canarycouncil.runtime.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a model took part in a verdict. The wire form is the sentence a person reads. */
public enum AnalysisMode {
    /** No model was configured, or none was consulted. */
    DETERMINISTIC("deterministic"),
    /** At least one model answered usefully. */
    MODEL_ASSISTED("model-assisted"),
    /** Models were configured, but every answer was unusable; the evidence alone decided. */
    DEGRADED("deterministic (models configured but none gave a usable answer)");

    private final String wire;

    AnalysisMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AnalysisMode fromWire(String text) {
        for (AnalysisMode m : values()) {
            if (m.wire.equals(text) || m.name().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown analysis mode '" + text + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
