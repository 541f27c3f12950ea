package dev.canarycouncil.metrics.judge;

import dev.canarycouncil.metrics.config.MetricSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kayenta's score: each group scores the share of its metrics with data that did not fail; the
 * groups' scores are weighted into 0–100. Metrics without data count in no group, and a group
 * with none counts in no weight, so missing data neither passes nor fails a canary by itself.
 *
 * @param score      0–100, or NaN when no metric had data
 * @param withData   metrics that could be compared
 */
public record Scorecard(double score, int withData, int total, Map<String, Double> groupScores) {

    public static Scorecard of(List<MetricOutcome> outcomes, MetricSet set) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        int withData = 0;
        for (MetricOutcome o : outcomes) {
            if (o.classification() == Classification.NODATA) {
                continue;
            }
            withData++;
            int[] counts = groups.computeIfAbsent(o.spec().groupOrDefault(), g -> new int[2]);
            counts[0] += o.failed() ? 0 : 1;
            counts[1]++;
        }
        Map<String, Double> groupScores = new LinkedHashMap<>();
        double weighted = 0;
        double weights = 0;
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            double groupScore = 100.0 * g.getValue()[0] / g.getValue()[1];
            groupScores.put(g.getKey(), groupScore);
            double w = set.weight(g.getKey());
            weighted += w * groupScore;
            weights += w;
        }
        double score =
                weights > 0 ? weighted / weights : withData > 0 ? 100.0 * passed(outcomes) / withData : Double.NaN;
        return new Scorecard(score, withData, outcomes.size(), groupScores);
    }

    private static long passed(List<MetricOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.classification() != Classification.NODATA && !o.failed())
                .count();
    }
}
