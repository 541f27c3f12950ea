package dev.canarycouncil.runtime.schema;

import java.time.Instant;
import java.util.Objects;

/**
 * A follow-up question the coordinator routes to the specialist that knows the answer, with the
 * analysis it is about.
 *
 * @param analysis the analysis the question is about (pods, hashes, window)
 * @param topic    what is asked: {@code compare} (a metric's series) or {@code templates} (log templates)
 * @param subject  what it is asked about, e.g. a metric name; may be null
 * @param from     start of the span asked about
 * @param to       end of the span asked about
 * @param question the question as the person asked it
 */
public record FollowUp(
        AnalysisRequest analysis, String topic, String subject, Instant from, Instant to, String question) {

    public static final String COMPARE = "compare";
    public static final String TEMPLATES = "templates";

    public FollowUp {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(topic, "topic");
    }
}
