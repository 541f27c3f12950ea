package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.testing.PoissonDraws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The p95 latency judged at every call of a one-hour rollout, as a controller calling every minute
 * sees it, three ways: Mann-Whitney over the window at each call (the fixed-window judge), the
 * sequential sign test on per-minute steps alone, and what the metrics agent does (Mann-Whitney
 * until the sign test has steps enough to decide, then the sign test).
 *
 * <p>Requests are simulated as Prometheus sees them: each request's latency (log-normal, its median
 * moved by a load both sides share each minute) lands in the default histogram buckets, and each
 * sample is {@code histogram_quantile(0.95, ...)} of a range's bucket increases with Prometheus's
 * interpolation, at the steps and ranges {@code MetricsJudge} queries.
 */
class LatencyUnderRepeatedLooksTest {

    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final double ALPHA = 0.01;
    private static final int SLOT_SECONDS = 30;
    private static final int CALLS = 60;
    private static final MetricSpec P95 = Specs.samples("latency-p95", Direction.INCREASE, 1.5, 0.025);

    /** {@code MetricsJudge.earlyWindows}: 30 s samples from 10 until the sign test's 9 minutes. */
    private static final int EARLY_WINDOWS = 8;

    /** One side's bucket increases (not cumulative; the last is +Inf) per 30 s slot. */
    private record Side(long[][] slots) {}

    private record Rollout(Side canary, Side stable) {}

    /** Per method: rollouts with any significant look, any failing look, and the minute of the first failure. */
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
        for (double[] traffic : new double[][] {{5, 0.3}, {0.5, 0.3}, {5, 0}, {0.5, 0}}) {
            double canaryRps = traffic[0];
            double loadSpread = traffic[1];
            Tally[] t = run(new SplittableRandom(41), 400, canaryRps, loadSpread, 1.0);
            String line = String.format(
                    Locale.ROOT,
                    "healthy, canary %.1f req/s, shared load spread %.1f, 400 rollouts, 60 looks: significant at"
                            + " some look: fixed %.3f, sign %.3f, agent %.3f; failed: fixed %.3f, sign %.3f, agent %.3f",
                    canaryRps,
                    loadSpread,
                    t[0].significant / 400.0,
                    t[1].significant / 400.0,
                    t[2].significant / 400.0,
                    t[0].failed / 400.0,
                    t[1].failed / 400.0,
                    t[2].failed / 400.0);
            System.out.println(line);
            // The guarantee: the sign test's p read at every look stays under alpha, with slack for 400 runs.
            assertTrue(t[1].significant / 400.0 <= ALPHA + 0.015, line);
            // Peeking: Mann-Whitney at every call over overlapping ranges finds significance far more often.
            if (loadSpread == 0) {
                // Steady load: Mann-Whitney at every call over overlapping ranges finds significance far more
                // often; the agent's early looks at a shared alpha cut that by more than half.
                assertTrue(t[0].significant > 3 * Math.max(1, t[1].significant), line);
                assertTrue(2 * t[2].significant < t[0].significant, line);
            }
            assertEquals(0, t[1].failed + t[2].failed, "an equal latency never fails the allowed x1.5: " + line);
        }
    }

    @Test
    void aCanaryTwiceAsSlowFailsAtTheFirstCallWithSamplesEnoughAndTheSignTestAloneLater() {
        Tally[] t = run(new SplittableRandom(43), 200, 5, 0.3, 2.0);
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
        int needed = SequentialSampleComparison.stepsToDecide(ALPHA, Direction.INCREASE);
        assertEquals(needed, t[1].medianMinute(), 0, "the sign test alone cannot fail before its steps: " + line);
        assertTrue(t[2].medianMinute() < needed, "Mann-Whitney covers the first minutes: " + line);
    }

    /** Fixed, sign test alone, and the agent's mix, each over the same simulated rollouts. */
    private static Tally[] run(
            SplittableRandom random, int rollouts, double canaryRps, double loadSpread, double slowdown) {
        Tally[] tallies = {new Tally(), new Tally(), new Tally()};
        int needed = SequentialSampleComparison.stepsToDecide(ALPHA, Direction.INCREASE);
        for (int r = 0; r < rollouts; r++) {
            Rollout rollout = simulate(random, canaryRps, loadSpread, slowdown);
            int[] significant = new int[3];
            int[] failed = new int[3];
            for (int minute = 1; minute <= CALLS; minute++) {
                MetricOutcome fixed = fixedWindow(rollout, minute);
                MetricOutcome sign =
                        SequentialSampleComparison.compare(P95, perMinuteSteps(rollout, minute), 60, ALPHA, "c", "s");
                long paired = sign.trace() == null ? 0 : sign.trace().points().size();
                MetricOutcome agent = paired < needed ? fixedWindow(rollout, minute, ALPHA / EARLY_WINDOWS) : sign;
                MetricOutcome[] outcomes = {fixed, sign, agent};
                for (int m = 0; m < 3; m++) {
                    MetricOutcome o = outcomes[m];
                    double alpha = m == 2 && paired < needed ? ALPHA / EARLY_WINDOWS : ALPHA;
                    if (significant[m] == 0 && o.pValue() != null && o.pValue() < alpha) {
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

    private static Rollout simulate(SplittableRandom random, double canaryRps, double loadSpread, double slowdown) {
        int slots = CALLS * 60 / SLOT_SECONDS;
        long[][] canary = new long[slots][];
        long[][] stable = new long[slots][];
        double load = 1;
        for (int s = 0; s < slots; s++) {
            if (s % 2 == 0) {
                load = Math.exp(loadSpread * gaussian(random));
            }
            canary[s] = requests(random, canaryRps * SLOT_SECONDS, 0.040 * load * slowdown);
            stable[s] = requests(random, 3 * canaryRps * SLOT_SECONDS, 0.040 * load);
        }
        return new Rollout(new Side(canary), new Side(stable));
    }

    private static long[] requests(SplittableRandom random, double mean, double median) {
        long[] buckets = new long[BUCKETS.length + 1];
        long n = PoissonDraws.draw(random, mean);
        for (long i = 0; i < n; i++) {
            double latency = median * Math.exp(0.5 * gaussian(random));
            int b = 0;
            while (b < BUCKETS.length && latency > BUCKETS[b]) {
                b++;
            }
            buckets[b]++;
        }
        return buckets;
    }

    /** As {@code MetricsJudge.samples}: a step of a thirtieth of the window (30 s at least), ranges of two steps. */
    private static MetricOutcome fixedWindow(Rollout rollout, int minute) {
        return fixedWindow(rollout, minute, ALPHA);
    }

    private static MetricOutcome fixedWindow(Rollout rollout, int minute, double alpha) {
        int windowSlots = minute * 60 / SLOT_SECONDS;
        int stepSlots = Math.max(1, (int) Math.ceil(minute * 60 / 30.0 / SLOT_SECONDS));
        int rangeSlots = Math.max(2, 2 * stepSlots);
        List<Double> c = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int end = stepSlots; end <= windowSlots; end += stepSlots) {
            int from = Math.max(0, end - rangeSlots);
            c.add(quantile(0.95, rollout.canary(), from, end));
            s.add(quantile(0.95, rollout.stable(), from, end));
        }
        return SampleComparison.compare(P95, unbox(c), unbox(s), alpha, "c", "s");
    }

    /** As {@code MetricsJudge.sequentialSamples}: one value per minute from that minute's requests only. */
    private static List<SequentialSampleComparison.Step> perMinuteSteps(Rollout rollout, int minute) {
        List<SequentialSampleComparison.Step> steps = new ArrayList<>();
        for (int m = 1; m <= minute; m++) {
            int end = m * 60 / SLOT_SECONDS;
            int from = end - 60 / SLOT_SECONDS;
            steps.add(new SequentialSampleComparison.Step(
                    Instant.EPOCH.plusSeconds(60L * m),
                    quantile(0.95, rollout.canary(), from, end),
                    quantile(0.95, rollout.stable(), from, end)));
        }
        return steps;
    }

    /** Prometheus's histogram_quantile over the slots [from, end): linear within the bucket the rank falls in. */
    static double quantile(double q, Side side, int from, int end) {
        long[] sum = new long[BUCKETS.length + 1];
        for (int s = from; s < end; s++) {
            for (int b = 0; b < sum.length; b++) {
                sum[b] += side.slots()[s][b];
            }
        }
        long total = Arrays.stream(sum).sum();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int b = 0; b < BUCKETS.length; b++) {
            if (below + sum[b] >= rank) {
                double lower = b == 0 ? 0 : BUCKETS[b - 1];
                return lower + (BUCKETS[b] - lower) * (rank - below) / sum[b];
            }
            below += sum[b];
        }
        return BUCKETS[BUCKETS.length - 1];
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
