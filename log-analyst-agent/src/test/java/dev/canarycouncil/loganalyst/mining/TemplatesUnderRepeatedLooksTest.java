package dev.canarycouncil.loganalyst.mining;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.stats.Draws;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How the template comparison behaves when a controller reads it at every call on the kept totals,
 * against the always-valid test read at the same calls: the figures behind "deciding templates
 * sequentially" in docs/metrics.md. One error template, a canary with a quarter of the records (1,000
 * a minute in all), 60 calls a minute apart; the comparison as the judge makes it: new on the canary
 * at 3 occurrences, or more frequent at twice the rate and p below 0.01 shared by 20 templates.
 */
class TemplatesUnderRepeatedLooksTest {

    private static final int CANARY_PER_MINUTE = 250;
    private static final int STABLE_PER_MINUTE = 750;
    private static final int LOOKS = 60;
    private static final double ALPHA = 0.01 / 20;

    /** The judge's rule on the kept totals. */
    private static boolean flagged(long kc, long ks, long nc, long ns) {
        if (kc < 3) {
            return false;
        }
        if (ks == 0) {
            return true;
        }
        double ratio = ((double) kc / nc) / ((double) ks / ns);
        return ratio >= 2 && RateComparison.pValue(kc, ks, nc, ns) < ALPHA;
    }

    /** Runs whose rule fires at some look: {judge's rule, sequential}. */
    private static double[] falseAlarms(double perRecord, int runs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rule = 0;
        int sequential = 0;
        for (int run = 0; run < runs; run++) {
            RateRatioTest test = new RateRatioTest(1.5);
            long kc = 0;
            long ks = 0;
            boolean ruleFired = false;
            boolean seqFired = false;
            for (int look = 1; look <= LOOKS; look++) {
                long c = Draws.poisson(random, perRecord * CANARY_PER_MINUTE);
                long s = Draws.poisson(random, perRecord * STABLE_PER_MINUTE);
                kc += c;
                ks += s;
                test.observe(c, s, (double) CANARY_PER_MINUTE / (CANARY_PER_MINUTE + STABLE_PER_MINUTE));
                ruleFired |= flagged(kc, ks, (long) look * CANARY_PER_MINUTE, (long) look * STABLE_PER_MINUTE);
                seqFired |= test.harm() >= 1 / ALPHA;
            }
            rule += ruleFired ? 1 : 0;
            sequential += seqFired ? 1 : 0;
        }
        return new double[] {(double) rule / runs, (double) sequential / runs};
    }

    /**
     * An error template both sides log at the same rate per record: the judge's rule, read at every
     * call, flags it on a few percent of healthy canaries where the template is rare (the canary gets
     * three before the stable gets one); the sequential test stays below alpha.
     */
    @Test
    void aRareErrorBothSidesLogIsFlaggedOnSomeHealthyCanariesWhenReadAtEveryCall() {
        double worstRule = 0;
        for (double perRecord : new double[] {1e-5, 5e-5, 2e-4, 1e-3, 5e-3}) {
            double[] rates = falseAlarms(perRecord, 2000, 7);
            worstRule = Math.max(worstRule, rates[0]);
            assertTrue(rates[1] <= 0.01, "sequential at " + perRecord + ": " + rates[1]);
        }
        assertTrue(worstRule > 0.01, "the judge's rule read at every call: worst " + worstRule);
    }

    /** A new error on the canary only, one every two minutes from the first: looks until each flags it. */
    @Test
    void aNewErrorOnTheCanaryIsFlaggedLaterBySequentialTest() {
        SplittableRandom random = new SplittableRandom(11);
        long ruleLooks = 0;
        long seqLooks = 0;
        int runs = 1000;
        for (int run = 0; run < runs; run++) {
            RateRatioTest test = new RateRatioTest(1.5);
            long kc = 0;
            int ruleAt = LOOKS + 1;
            int seqAt = LOOKS + 1;
            for (int look = 1; look <= LOOKS; look++) {
                long c = Draws.poisson(random, 0.5);
                kc += c;
                test.observe(c, 0, (double) CANARY_PER_MINUTE / (CANARY_PER_MINUTE + STABLE_PER_MINUTE));
                if (ruleAt > LOOKS
                        && flagged(kc, 0, (long) look * CANARY_PER_MINUTE, (long) look * STABLE_PER_MINUTE)) {
                    ruleAt = look;
                }
                if (seqAt > LOOKS && test.harm() >= 1 / ALPHA) {
                    seqAt = look;
                }
            }
            ruleLooks += ruleAt;
            seqLooks += seqAt;
        }
        double rule = (double) ruleLooks / runs;
        double seq = (double) seqLooks / runs;
        assertTrue(seq > rule, "mean looks to flag: rule " + rule + ", sequential " + seq);
    }
}
