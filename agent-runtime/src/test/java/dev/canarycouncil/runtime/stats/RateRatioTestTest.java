package dev.canarycouncil.runtime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.stats.RateRatioTest.Call;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guarantees the sequential test is for, checked by simulation from fixed seeds: false alarms
 * at most alpha however often it is looked at (also while the canary's weight changes), a canary
 * that fails everything caught within a handful of its errors, early promotion of a worse canary at
 * most beta.
 */
class RateRatioTestTest {

    /** One interval's events: the canary's share of them is binomial with its share of the rate. */
    private static void interval(RateRatioTest test, SplittableRandom random, double events, double w, double r) {
        long total = Draws.poisson(random, events);
        double q = RateRatioTest.share(r, w);
        long canary = 0;
        for (long i = 0; i < total; i++) {
            if (random.nextDouble() < q) {
                canary++;
            }
        }
        test.observe(canary, total - canary, w);
    }

    /** The share of runs in which the harm test ever crossed 1/alpha, looking after every interval. */
    private static double everCrossed(double r, double alpha, boolean steppedWeight, int runs) {
        SplittableRandom random = new SplittableRandom(7);
        int crossed = 0;
        for (int run = 0; run < runs; run++) {
            RateRatioTest test = new RateRatioTest(1.5);
            for (int look = 0; look < 360; look++) {
                double w = steppedWeight ? new double[] {0.05, 0.2, 0.5}[look / 120] : 0.2;
                interval(test, random, 2, w, r);
                if (test.call(alpha, 1e-9) == Call.WORSE) {
                    crossed++;
                    break;
                }
            }
        }
        return (double) crossed / runs;
    }

    @Test
    void aHealthyCanaryLookedAt360TimesRaisesFalseAlarmsAtMostAlpha() {
        double rate = everCrossed(1, 0.05, false, 2000);
        // 2000 runs: the standard error at 5 % is 0.5 %; a fixed-horizon test read 360 times would be far above.
        assertTrue(rate <= 0.05 + 0.015, "false alarm rate " + rate);
        assertTrue(rate > 0.0, "the test is not blind: it spends some of its budget");
    }

    @Test
    void theGuaranteeHoldsWhileTheCanaryWeightSteps() {
        double rate = everCrossed(1, 0.05, true, 2000);
        assertTrue(rate <= 0.05 + 0.015, "false alarm rate with weights 5 %, 20 %, 50 %: " + rate);
    }

    @Test
    void aBrokenCanaryIsCaughtAlmostAlways() {
        assertTrue(everCrossed(3, 0.01, false, 300) > 0.95, "three times the stable's error rate");
    }

    @Test
    void aCanaryThatFailsEverythingIsCaughtWithinAHandfulOfErrors() {
        RateRatioTest test = new RateRatioTest(1.5);
        int errors = 0;
        while (test.call(0.01, 0.05) != Call.WORSE) {
            test.observe(1, 0, 0.2);
            errors++;
        }
        assertTrue(errors <= 6, errors + " canary errors, none on the stable, at 20 % of the traffic");
    }

    @Test
    void earlyPromotionOfAWorseCanaryHappensAtMostBeta() {
        SplittableRandom random = new SplittableRandom(11);
        int promoted = 0;
        int runs = 1000;
        for (int run = 0; run < runs; run++) {
            RateRatioTest test = new RateRatioTest(1.5);
            for (int look = 0; look < 360; look++) {
                interval(test, random, 3, 0.2, 1.5);
                if (test.call(1e-9, 0.05) == Call.NOT_WORSE) {
                    promoted++;
                    break;
                }
            }
        }
        assertTrue((double) promoted / runs <= 0.05 + 0.02, "promoted " + promoted + " of " + runs + " at ratio x1.5");
    }

    @Test
    void aHealthyCanaryWithTrafficIsShownNotWorse() {
        RateRatioTest test = new RateRatioTest(1.5);
        SplittableRandom random = new SplittableRandom(3);
        int looks = 0;
        while (test.call(0.01, 0.05) == Call.CONTINUE && looks < 10_000) {
            interval(test, random, 5, 0.2, 1);
            looks++;
        }
        assertEquals(Call.NOT_WORSE, test.call(0.01, 0.05), "after " + looks + " looks");
    }

    @Test
    void thePValueNeverRises() {
        RateRatioTest test = new RateRatioTest(1.5);
        test.observe(4, 0, 0.2);
        double after = test.pValue();
        test.observe(0, 40, 0.2);
        assertTrue(test.harm() < 1 / after, "the evidence fell");
        assertEquals(after, test.pValue(), "the always-valid p-value keeps its least value");
    }

    @Test
    void nonsenseIsRefusedWithItsReason() {
        RateRatioTest test = new RateRatioTest(1.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> test.observe(-1, 0, 0.2))
                .getMessage()
                .contains("negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> test.observe(1, 0, 1.0))
                .getMessage()
                .contains("share of the exposure"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RateRatioTest(1.0))
                .getMessage()
                .contains("above 1"));
        test.observe(0, 0, 0);
        assertEquals(1.0, test.harm(), 1e-12, "no events, no evidence, whatever the share");
    }
}
