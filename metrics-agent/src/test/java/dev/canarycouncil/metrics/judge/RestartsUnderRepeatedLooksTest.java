package dev.canarycouncil.metrics.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Why restarts keep the exact binomial test while ratio metrics are judged sequentially. Restarts
 * are a handful of events; at such counts the exact test is conservative, so reading it at every
 * call inflates false alarms only a little, while the mixture test gives up the power a crash loop
 * needs: four restarts of the one canary pod among four.
 */
class RestartsUnderRepeatedLooksTest {

    @Test
    void theExactTestCatchesFourRestartsOfTheOneCanaryPodWhereTheMixtureTestCannotYet() {
        MetricOutcome exact = EventRateComparison.compare(Specs.events("restarts"), 4, 1, 0, 3, 0.01, "c", "s");
        assertEquals(Classification.HIGH, exact.classification(), exact.test());

        RateRatioTest sequential = new RateRatioTest(1.05);
        for (int restart = 0; restart < 4; restart++) {
            sequential.observe(1, 0, 0.25);
        }
        assertTrue(sequential.pValue() > 0.01, "mixture p " + sequential.pValue());
    }

    /** Healthy canaries restarting at the stable's per-pod rate, the exact test read at each of 60 calls. */
    @Test
    void readingTheExactTestAtEachOfSixtyCallsKeepsFalseAlarmsNearAlpha() {
        SplittableRandom random = new SplittableRandom(17);
        int runs = 2000;
        int alarms = 0;
        for (int run = 0; run < runs; run++) {
            int canary = 0;
            int stable = 0;
            boolean alarm = false;
            for (int call = 0; call < 60; call++) {
                // About one restart per pod every 20 minutes; 1 canary pod, 3 stable pods.
                canary += random.nextDouble() < 0.05 ? 1 : 0;
                for (int pod = 0; pod < 3; pod++) {
                    stable += random.nextDouble() < 0.05 ? 1 : 0;
                }
                MetricOutcome o =
                        EventRateComparison.compare(Specs.events("restarts"), canary, 1, stable, 3, 0.01, "c", "s");
                alarm |= o.failed();
            }
            alarms += alarm ? 1 : 0;
        }
        double rate = (double) alarms / runs;
        assertTrue(rate <= 0.02, "false alarms over 60 looks: " + rate);
    }
}
