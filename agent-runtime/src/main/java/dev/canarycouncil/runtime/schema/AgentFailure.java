package dev.canarycouncil.runtime.schema;

/** A specialist that was asked but gave no usable finding, and why. */
public record AgentFailure(String agent, String reason) {}
