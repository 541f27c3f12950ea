package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Restarts judged at every call: the exact binomial test on the window's totals against the
 * rate-ratio test for rare events, whose mixture looks only for large ratios so that the handful of
 * restarts of a crash loop is enough, while its false alarms stay under alpha however often it is read.
 */
class RestartsUnderRepeatedLooksTest {

    @Test
    void fourRestartsOfTheOneCanaryPodAmongFourFailTheSequentialTestAsTheExactOne() {
        MetricOutcome exact = EventRateComparison.exact(
                Specs.events("restarts"), new EventRateComparison.Counts(4, 1, 0, 3), 0.01, "c", "s");
        assertEquals(Classification.HIGH, exact.classification(), exact.test());
        MetricOutcome sequential = EventRateComparison.sequential(
                Specs.events("restarts"), new EventRateComparison.Counts(4, 1, 0, 3), 0.01, "c", "s");
        assertEquals(Classification.HIGH, sequential.classification(), sequential.test());
        assertTrue(sequential.test().startsWith("rare-event mixture test: 4 of 4"));

        // The general mixture spreads its weight over small ratios and cannot show it yet.
        RateRatioTest general = new RateRatioTest(1.05);
        general.observe(4, 0, 0.25);
        assertTrue(general.pValue() > 0.01, "general mixture p " + general.pValue());
    }

    @Test
    void oneRestartMoreThanItsShareIsNoEvidenceAndNoneIsNone() {
        MetricOutcome one = EventRateComparison.sequential(
                Specs.events("restarts"), new EventRateComparison.Counts(1, 1, 1, 3), 0.01, "c", "s");
        assertEquals(Classification.PASS, one.classification(), one.test());
        MetricOutcome none = EventRateComparison.sequential(
                Specs.events("restarts"), new EventRateComparison.Counts(0, 1, 0, 3), 0.01, "c", "s");
        assertEquals(1.0, none.pValue(), 1e-12);
        MetricOutcome noPods = EventRateComparison.sequential(
                Specs.events("restarts"), new EventRateComparison.Counts(3, 0, 0, 3), 0.01, "c", "s");
        assertEquals(Classification.NODATA, noPods.classification());
    }

    /**
     * Healthy canaries restarting at the stable's per-pod rate, one canary pod and three stable pods,
     * each test read at each of 60 calls. At one restart per pod every 20 minutes the exact test is
     * conservative; at one every 4 minutes there are enough events for its looks to add up.
     */
    @Test
    void readAtEachOfSixtyCallsTheSequentialTestStaysUnderAlpha() {
        for (double perPodPerMinute : new double[] {0.05, 0.25}) {
            SplittableRandom random = new SplittableRandom(17);
            int runs = 4000;
            int exactAlarms = 0;
            int sequentialAlarms = 0;
            for (int run = 0; run < runs; run++) {
                int canary = 0;
                int stable = 0;
                boolean exact = false;
                boolean sequential = false;
                for (int call = 0; call < 60; call++) {
                    canary += random.nextDouble() < perPodPerMinute ? 1 : 0;
                    for (int pod = 0; pod < 3; pod++) {
                        stable += random.nextDouble() < perPodPerMinute ? 1 : 0;
                    }
                    exact |= EventRateComparison.exact(
                                    Specs.events("restarts"),
                                    new EventRateComparison.Counts(canary, 1, stable, 3),
                                    0.01,
                                    "c",
                                    "s")
                            .failed();
                    sequential |= EventRateComparison.sequential(
                                    Specs.events("restarts"),
                                    new EventRateComparison.Counts(canary, 1, stable, 3),
                                    0.01,
                                    "c",
                                    "s")
                            .failed();
                }
                exactAlarms += exact ? 1 : 0;
                sequentialAlarms += sequential ? 1 : 0;
            }
            String line = String.format(
                    Locale.ROOT,
                    "restarts %.2f per pod per minute, %d healthy rollouts, 60 looks: false alarms exact %.4f,"
                            + " sequential %.4f",
                    perPodPerMinute,
                    runs,
                    (double) exactAlarms / runs,
                    (double) sequentialAlarms / runs);
            System.out.println(line);
            assertTrue((double) sequentialAlarms / runs <= 0.01, line);
        }
    }
}
