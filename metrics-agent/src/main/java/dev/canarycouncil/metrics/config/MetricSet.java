package dev.canarycouncil.metrics.config;

import java.util.List;
import java.util.Map;

/**
 * What the metrics agent compares and how it scores the result, in the spirit of Kayenta: each
 * metric is classified, each group scores the share of its metrics that pass, the groups are
 * weighted into a score of 0–100; at or above {@code pass} the canary may be promoted, below
 * {@code marginal} it is rolled back, between is inconclusive. A failing critical metric fails
 * the whole judgement whatever the score.
 *
 * @param traffic          the canary's request counter, to refuse judging on too little traffic
 * @param minRequests      fewer canary requests than this in the window is INCONCLUSIVE
 * @param groups           group weights; a group not listed weighs 1
 * @param alpha            significance level of every test
 * @param judgement        how ratio metrics are tested: sequentially (default), or once over the whole window
 */
public record MetricSet(
        List<MetricSpec> metrics,
        Map<String, Double> groups,
        String traffic,
        Double minRequests,
        Double pass,
        Double marginal,
        Double alpha,
        Judgement judgement) {

    public MetricSet {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    public double weight(String group) {
        return groups.getOrDefault(group, 1.0);
    }

    public double minRequestsOrDefault() {
        return minRequests == null ? 100 : minRequests;
    }

    public double passOrDefault() {
        return pass == null ? 95 : pass;
    }

    public double marginalOrDefault() {
        return marginal == null ? 75 : marginal;
    }

    /** The same set, its ratio metrics tested as {@code j} says. */
    public MetricSet withJudgement(Judgement j) {
        return new MetricSet(metrics, groups, traffic, minRequests, pass, marginal, alpha, j);
    }

    public Judgement judgementOrDefault() {
        return judgement == null ? Judgement.SEQUENTIAL : judgement;
    }

    public double alphaOrDefault() {
        return alpha == null ? 0.01 : alpha;
    }
}
