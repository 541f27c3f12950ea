package dev.canarycouncil.metrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.MetricsJudge;
import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.metrics.judge.MetricOutcome;
import dev.canarycouncil.metrics.judge.SequentialSampleComparison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The p95 latency judged at every call of a one-hour rollout, as a controller calling every minute
 * sees it, three ways: Mann-Whitney over the window at each call (the fixed-window judge read at
 * every call), the sequential sign test on per-minute steps alone, and what the metrics agent does
 * (Mann-Whitney at a shared alpha until the sign test has the steps to decide, then the sign test).
 * Besides failures, it counts significance alone: what a metric allowing no change would fail on.
 *
 * <p>Requests land in Prometheus's default buckets ({@link SimulatedLatency}); each sample is
 * {@code histogram_quantile(0.95, ...)} with Prometheus's interpolation, at the steps and ranges
 * {@link MetricsJudge} queries ({@link LatencyRules}).
 */
class LatencyUnderRepeatedLooksTest {

    private static final double ALPHA = 0.01;
    private static final int CALLS = 60;
    private static final MetricSpec P95 = LatencyBench.P95;
    private static final int NEEDED = SequentialSampleComparison.stepsToDecide(ALPHA, Direction.INCREASE);
    private static final double EARLY_ALPHA = MetricsJudge.earlyAlpha(ALPHA, NEEDED, P95);

    /** Per way of judging: rollouts significant at some call, failed at some call, and the minutes of the first failures. */
    private static final class Tally {
        int significant;
        int failed;
        final List<Integer> firstFailure = new ArrayList<>();

        void add(int firstSignificant, int firstFailed) {
            significant += firstSignificant > 0 ? 1 : 0;
            if (firstFailed > 0) {
                failed++;
                firstFailure.add(firstFailed);
            }
        }

        double medianMinute() {
            int[] m = firstFailure.stream().mapToInt(Integer::intValue).sorted().toArray();
            return m.length == 0 ? Double.NaN : m[m.length / 2];
        }
    }

    @Test
    void healthyCanariesUnderSixtyLooks() {
        int runs = 400;
        for (double[] traffic : new double[][] {{5, 0.3}, {0.5, 0.3}, {5, 0}, {0.5, 0}}) {
            double canaryRps = traffic[0];
            double loadSpread = traffic[1];
            Tally[] t = run(41, runs, canaryRps, loadSpread, 1.0);
            String line = String.format(
                    Locale.ROOT,
                    "healthy, canary %.1f req/s, shared load spread %.1f, %d rollouts, 60 looks: significant at"
                            + " some look: fixed %.3f, sign %.3f, agent %.3f; failed: fixed %.3f, sign %.3f, agent %.3f",
                    canaryRps,
                    loadSpread,
                    runs,
                    t[0].significant / (double) runs,
                    t[1].significant / (double) runs,
                    t[2].significant / (double) runs,
                    t[0].failed / (double) runs,
                    t[1].failed / (double) runs,
                    t[2].failed / (double) runs);
            System.out.println(line);
            // The guarantee: the sign test's p read at every look stays under alpha, with slack for 400 runs.
            assertTrue(t[1].significant / (double) runs <= ALPHA + 0.015, line);
            if (loadSpread == 0) {
                // Steady load: Mann-Whitney at every call over overlapping ranges finds significance far more
                // often; the agent's early looks, at an alpha shared and divided for the overlap, stay near alpha.
                assertTrue(t[0].significant > 3 * Math.max(1, t[1].significant), line);
                assertTrue(t[2].significant / (double) runs <= 2 * ALPHA, line);
            }
            // Failing needs the medians apart beyond x1.5 and 25 ms as well: rarer still.
            assertTrue(t[1].failed / (double) runs <= ALPHA && t[2].failed / (double) runs <= ALPHA, line);
        }
    }

    @Test
    void aCanaryTwiceAsSlowFailsAtTheFirstCallWithSamplesEnoughAndTheSignTestAloneLater() {
        Tally[] t = run(43, 200, 5, 0.3, 2.0);
        String line = String.format(
                Locale.ROOT,
                "canary x2 slower, 5 req/s, 200 rollouts: caught fixed %d, sign %d, agent %d; median minute of the"
                        + " first failure: fixed %.0f, sign %.0f, agent %.0f",
                t[0].failed,
                t[1].failed,
                t[2].failed,
                t[0].medianMinute(),
                t[1].medianMinute(),
                t[2].medianMinute());
        System.out.println(line);
        assertEquals(200, t[2].failed, line);
        assertEquals(NEEDED, t[1].medianMinute(), 0, "the sign test alone cannot fail before its steps: " + line);
        assertTrue(t[2].medianMinute() < NEEDED, "Mann-Whitney covers the first minutes: " + line);
    }

    /** Fixed, sign test alone, and the agent's mix, over the same simulated rollouts (stable: 3 times the canary's traffic). */
    private static Tally[] run(long seed, int rollouts, double canaryRps, double loadSpread, double slowdown) {
        Tally[] tallies = {new Tally(), new Tally(), new Tally()};
        SimulatedLatency latency = new SimulatedLatency(
                canaryRps, 3 * canaryRps, LatencyBench.MEDIAN_SECONDS, LatencyBench.SPREAD, loadSpread, slowdown);
        for (int r = 0; r < rollouts; r++) {
            LatencyHistograms seen = latency.run(Duration.ofMinutes(CALLS), seed * 1_000_003L + r);
            int[] significant = new int[3];
            int[] failed = new int[3];
            for (int minute = 1; minute <= CALLS; minute++) {
                int slots = minute * 2;
                MetricOutcome fixed = LatencyRules.overWindow(seen, slots, ALPHA, P95);
                List<SequentialSampleComparison.Step> steps = LatencyRules.perMinute(seen, minute);
                MetricOutcome sign = SequentialSampleComparison.compare(P95, steps, 60, ALPHA, "c", "s");
                SequentialSampleComparison.Phase phase =
                        SequentialSampleComparison.Phase.of(SequentialSampleComparison.paired(steps), minute, NEEDED);
                MetricOutcome agent = switch (phase) {
                    case EARLY -> LatencyRules.overWindow(seen, slots, EARLY_ALPHA, P95);
                    case SPARSE -> fixed;
                    case SEQUENTIAL -> sign;
                };
                MetricOutcome[] outcomes = {fixed, sign, agent};
                double[] alphas = {ALPHA, ALPHA, phase == SequentialSampleComparison.Phase.EARLY ? EARLY_ALPHA : ALPHA};
                for (int m = 0; m < 3; m++) {
                    MetricOutcome o = outcomes[m];
                    if (significant[m] == 0 && o.pValue() != null && o.pValue() < alphas[m]) {
                        significant[m] = minute;
                    }
                    if (failed[m] == 0 && o.failed()) {
                        failed[m] = minute;
                    }
                }
            }
            for (int m = 0; m < 3; m++) {
                tallies[m].add(significant[m], failed[m]);
            }
        }
        return tallies;
    }
}
