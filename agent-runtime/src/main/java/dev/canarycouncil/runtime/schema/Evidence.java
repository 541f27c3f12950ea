package dev.canarycouncil.runtime.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One item of evidence behind a finding. Every kind cites where it came from, so a human can
 * check it: a log template with its counts and sample lines, a PromQL query with its values,
 * a pod condition, request durations read from logs, or how much of a side's logs could be read at all.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LogTemplateEvidence.class, name = "log-template"),
    @JsonSubTypes.Type(value = PromQlEvidence.class, name = "promql"),
    @JsonSubTypes.Type(value = PodConditionEvidence.class, name = "pod-condition"),
    @JsonSubTypes.Type(value = LogCoverageEvidence.class, name = "log-coverage"),
    @JsonSubTypes.Type(value = LogLatencyEvidence.class, name = "log-latency")
})
public sealed interface Evidence
        permits LogTemplateEvidence, PromQlEvidence, PodConditionEvidence, LogCoverageEvidence, LogLatencyEvidence {

    /** One line a person can read without knowing the evidence kind. */
    String description();

    /** How much this item alone argues against the canary; used to order evidence. */
    Severity severity();
}
