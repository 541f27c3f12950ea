package dev.canarycouncil.metrics.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One metric compared between canary and stable. Either a sampled metric, evaluated as a range
 * query on each side ({@code query}, rendered once per side, or an explicit {@code canary} and
 * {@code stable} pair) and compared step by step with the sequential sign test, or over the window
 * with Mann-Whitney U; or a ratio of two counters ({@code numerator} over {@code denominator}, e.g.
 * 5xx over all requests), compared step by step with the sequential rate-ratio test or by its totals
 * over the window with Fisher's exact test, so that sparse errors still count; or a
 * counter of rare {@code events} (container restarts), whose increase per pod is compared with an
 * exact binomial test.
 *
 * @param allowedIncrease how far the canary may move before a significant change fails: a factor
 *                        of the stable's value (1.2 allows 20 % either way the direction forbids)
 * @param minDelta        and at least this much in absolute terms (e.g. 0.001 for a ratio)
 * @param group           the scoring group; groups are weighted in {@link MetricSet#groups()}
 * @param minSamples      fewer finite samples on a side than this is NODATA
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricSpec(
        String name,
        String description,
        String query,
        String canary,
        String stable,
        String numerator,
        String denominator,
        String events,
        Direction direction,
        Boolean critical,
        Double allowedIncrease,
        Double minDelta,
        String group,
        Integer minSamples,
        String unit) {

    public boolean isRatio() {
        return numerator != null;
    }

    public boolean isEvents() {
        return events != null;
    }

    /**
     * Whether each sample of this sampled metric is measured over its own {@code {{interval}}} (a
     * rate, a quantile of a step's requests), so that samples of steps that do not overlap are
     * separate measurements; a level (memory) or a fixed range ({@code [5m]}) is not.
     */
    public boolean isPerInterval() {
        return java.util.stream.Stream.of(query, canary, stable).anyMatch(q -> q != null && q.contains("{{interval}}"));
    }

    public Direction directionOrDefault() {
        return direction == null ? Direction.INCREASE : direction;
    }

    public boolean isCritical() {
        return Boolean.TRUE.equals(critical);
    }

    public double allowedIncreaseOrDefault() {
        return allowedIncrease == null ? 1.2 : allowedIncrease;
    }

    public double minDeltaOrDefault() {
        return minDelta == null ? 0 : minDelta;
    }

    public String groupOrDefault() {
        return group == null ? name : group;
    }

    public int minSamplesOrDefault() {
        return minSamples == null ? 10 : minSamples;
    }

    public String unitOrDefault() {
        return unit == null ? "" : unit;
    }
}
