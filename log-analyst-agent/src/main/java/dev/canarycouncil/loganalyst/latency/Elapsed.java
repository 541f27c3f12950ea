package dev.canarycouncil.loganalyst.latency;

import dev.canarycouncil.runtime.schema.DurationUnit;

/**
 * A duration one record states: milliseconds when the log says the unit, else the bare number.
 *
 * @param amount  the duration, in milliseconds when {@code unit} is {@link DurationUnit#MILLISECONDS}
 */
public record Elapsed(double amount, DurationUnit unit) {}
