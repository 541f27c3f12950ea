package dev.canarycouncil.metrics.config;

/** A metric set that cannot be used, with what to fix. */
public final class MetricSetException extends RuntimeException {

    public MetricSetException(String message) {
        super(message);
    }
}
