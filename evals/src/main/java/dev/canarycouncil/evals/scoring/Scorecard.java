package dev.canarycouncil.evals.scoring;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures one run earns, for the council or a baseline.
 *
 * @param cases           recordings judged
 * @param accuracy        share decided as expected
 * @param falsePromote    share of broken canaries promoted (of the broken ones)
 * @param falseRollback   share of healthy canaries rolled back (of the healthy ones)
 * @param inconclusive    share decided INCONCLUSIVE (of all)
 * @param brier           Brier score of the confidence (NaN for baselines without one)
 * @param ece             expected calibration error (NaN for baselines without one)
 * @param rootCauseHit    share of broken canaries rolled back whose explanation names the cause
 * @param p50Ms           median latency per analysis
 * @param p95Ms           95th percentile latency
 * @param tokens          model tokens spent in all
 * @param errors          analyses that failed outright
 * @param confusion       counts by expected decision, then by decided decision (null = failed)
 */
public record Scorecard(
        int cases,
        double accuracy,
        double falsePromote,
        double falseRollback,
        double inconclusive,
        double brier,
        double ece,
        double rootCauseHit,
        long p50Ms,
        long p95Ms,
        long tokens,
        int errors,
        Map<Decision, Map<String, Integer>> confusion) {

    public static Scorecard of(List<CaseResult> results) {
        return of(results, CaseResult::decision, true, CaseResult::tokens);
    }

    /** A baseline's card: its decisions scored against the same expectations; it states no confidence. */
    /** One scorecard per expected failure class, by class name. */
    public static Map<String, Scorecard> perClass(List<CaseResult> results) {
        Map<String, Scorecard> perClass = new java.util.TreeMap<>();
        results.stream()
                .collect(
                        java.util.stream.Collectors.groupingBy(r -> r.expected().failureClass()))
                .forEach((k, v) -> perClass.put(k, of(v)));
        return perClass;
    }

    public static Scorecard ofBaseline(List<CaseResult> results, String baseline) {
        return of(
                results,
                r -> r.baselines().get(baseline),
                false,
                r -> r.baselineTokens().getOrDefault(baseline, 0L));
    }

    private static Scorecard of(
            List<CaseResult> results,
            Function<CaseResult, Decision> decided,
            boolean council,
            java.util.function.ToLongFunction<CaseResult> tokens) {
        int n = results.size();
        long correct = results.stream()
                .filter(r -> decided.apply(r) == r.expected().verdict())
                .count();
        List<CaseResult> broken =
                results.stream().filter(r -> r.expected().broken()).toList();
        List<CaseResult> healthy = results.stream()
                .filter(r -> r.expected().verdict() == Decision.PROMOTE)
                .toList();
        long falsePromotes = broken.stream()
                .filter(r -> decided.apply(r) == Decision.PROMOTE)
                .count();
        long falseRollbacks = healthy.stream()
                .filter(r -> decided.apply(r) == Decision.ROLLBACK)
                .count();
        long inconclusive = results.stream()
                .filter(r -> decided.apply(r) == Decision.INCONCLUSIVE)
                .count();
        List<CaseResult> caught = broken.stream()
                .filter(r -> decided.apply(r) == Decision.ROLLBACK)
                .toList();
        // No broken canary caught: nothing to explain, so no rate (not a perfect or a failing one).
        double hits = council && !caught.isEmpty()
                ? ratio(caught.stream().filter(CaseResult::rootCauseHit).count(), caught.size())
                : Double.NaN;
        long[] latencies =
                results.stream().mapToLong(CaseResult::latencyMs).sorted().toArray();
        Map<Decision, Map<String, Integer>> confusion = new EnumMap<>(Decision.class);
        for (CaseResult r : results) {
            Decision d = decided.apply(r);
            confusion
                    .computeIfAbsent(r.expected().verdict(), k -> new java.util.TreeMap<>())
                    .merge(d == null ? "FAILED" : d.name(), 1, Integer::sum);
        }
        return new Scorecard(
                n,
                ratio(correct, n),
                ratio(falsePromotes, broken.size()),
                ratio(falseRollbacks, healthy.size()),
                ratio(inconclusive, n),
                council ? Calibration.brier(results) : Double.NaN,
                council ? Calibration.ece(results) : Double.NaN,
                hits,
                council ? percentile(latencies, 50) : 0,
                council ? percentile(latencies, 95) : 0,
                results.stream().mapToLong(tokens).sum(),
                (int) results.stream().filter(r -> decided.apply(r) == null).count(),
                confusion);
    }

    /** The one line scripts read, in the launcher's documented order. */
    public String summaryLine() {
        return String.format(
                Locale.ROOT,
                "accuracy=%.3f false_promote=%.3f false_rollback=%.3f inconclusive=%.3f ece=%.3f p50_ms=%d",
                accuracy,
                falsePromote,
                falseRollback,
                inconclusive,
                ece,
                p50Ms);
    }

    /** Nearest-rank percentile of sorted values. */
    public static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
