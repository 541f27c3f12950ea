package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.orchestrator.council.Council;
import java.time.Duration;

/**
 * How waiting for a measurement's analysis ended, for the endpoints to turn into their
 * controller's statuses ({@link Measurements#await}).
 */
public sealed interface MeasurementOutcome {

    /** The analysis ended with a verdict. */
    record Judged(Council.Analysis analysis) implements MeasurementOutcome {}

    /** Still running after the wait; asking again joins it. */
    record Running() implements MeasurementOutcome {}

    /** Not started: the caller or the rollout has as many analyses running as allowed. */
    record Refused(String message, Duration retryAfter) implements MeasurementOutcome {}

    /** The rollout, canary or namespace does not exist, or cannot be read. */
    record Unresolvable(String message) implements MeasurementOutcome {}

    /** The analysis broke, or the orchestrator is shutting down ({@code interrupted}). */
    record Failed(Throwable cause, boolean interrupted) implements MeasurementOutcome {}
}
