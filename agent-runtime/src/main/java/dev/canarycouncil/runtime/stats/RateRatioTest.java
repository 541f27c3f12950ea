package dev.canarycouncil.runtime.stats;

import java.util.Arrays;

/**
 * Whether a canary's events (failed requests, restarts) come at a higher rate than the stable's,
 * judged as the evidence arrives, with error rates that hold however often it is looked at.
 *
 * <p>Model: each side's events are a Poisson process whose rate is proportional to its exposure
 * (requests, pod-seconds); the canary's rate is {@code r} times the stable's. Given that an event
 * happened during an interval in which the canary had the share {@code w} of the exposure, it is
 * the canary's with probability {@code q(r) = r w / (r w + 1 - w)}. Conditioning on the events keeps
 * the stable's own rate (unknown, and drifting with load) out of the test, and a changing canary
 * weight (Argo's steps) is simply a different {@code w} per interval.
 *
 * <p>Two mixture sequential probability ratio tests run side by side, each a nonnegative
 * supermartingale under its null, so by Ville's inequality its chance of ever crossing {@code 1/a}
 * is at most {@code a}, at any number of looks and with any stopping rule:
 *
 * <ul>
 *   <li><b>harm</b>: null {@code r <= 1} against a mixture of ratios above 1; crossing {@code 1/alpha}
 *       says the canary is worse (false alarm rate at most {@code alpha});
 *   <li><b>safety</b>: null {@code r >= tolerated} against a mixture of ratios at or below 1;
 *       crossing {@code 1/beta} says the canary is not worse than {@code tolerated} (a canary that
 *       is, is promoted early at most with probability {@code beta}).
 * </ul>
 *
 * A mixture over a fixed grid of ratios (rather than a continuous prior) keeps the statistic a sum of
 * a few products, exact and cheap; any mixture of such likelihood ratios is itself a martingale.
 * References: Wald (1945); Robbins (1970), mixture SPRTs; Johari, Pekelis, Walsh (2017), always-valid
 * p-values; Howard, Ramdas, McAuliffe, Sekhon (2021), time-uniform confidence sequences.
 */
public final class RateRatioTest {

    /** Ratios the harm test looks for: from a slight rise to a canary that fails almost everything. */
    static final double[] HARMFUL = {1.25, 1.5, 2, 3, 5, 10, 30, 100};

    /**
     * Ratios the harm test looks for in rare events (restarts): with a handful of events only a large
     * ratio can show at all, and weight spread over small ones dilutes what a crash loop gives. Four
     * restarts of the one canary pod among four: p = 0.0066 with these, 0.014 with {@link #HARMFUL}.
     */
    static final double[] RARE_HARMFUL = {3, 10, 30, 100, 300};

    /** Ratios the safety test looks for: as good as the stable, or better. */
    static final double[] SAFE = {1.0, 0.8, 0.5};

    private final double tolerated;
    private final double[] harmful;
    private final double[] harmLog;
    private final double[] safeLog = new double[SAFE.length];
    private long canaryEvents;
    private long stableEvents;
    private double mostHarm = 1;

    /** @param tolerated the ratio a canary may reach and still be promoted, above 1 (e.g. 1.5) */
    public RateRatioTest(double tolerated) {
        this(tolerated, HARMFUL);
    }

    private RateRatioTest(double tolerated, double[] harmful) {
        if (!(tolerated > 1) || Double.isInfinite(tolerated)) {
            throw new IllegalArgumentException("the tolerated rate ratio must be above 1, was " + tolerated);
        }
        this.tolerated = tolerated;
        this.harmful = harmful;
        this.harmLog = new double[harmful.length];
    }

    /** A test for rare events (restarts), whose harm side looks only for large ratios ({@link #RARE_HARMFUL}). */
    public static RateRatioTest forRareEvents(double tolerated) {
        return new RateRatioTest(tolerated, RARE_HARMFUL);
    }

    /**
     * Adds one interval's events.
     *
     * @param canaryShare the canary's share of the exposure during the interval, in (0, 1)
     */
    public void observe(long canary, long stable, double canaryShare) {
        if (canary < 0 || stable < 0) {
            throw new IllegalArgumentException("event counts cannot be negative: " + canary + ", " + stable);
        }
        if (canary + stable == 0) {
            return;
        }
        if (!(canaryShare > 0) || !(canaryShare < 1)) {
            throw new IllegalArgumentException("the canary's share of the exposure must be in (0, 1), was "
                    + canaryShare + " with " + (canary + stable) + " events");
        }
        canaryEvents += canary;
        stableEvents += stable;
        double qTolerated = share(tolerated, canaryShare);
        for (int i = 0; i < harmful.length; i++) {
            harmLog[i] += logRatio(canary, stable, share(harmful[i], canaryShare), canaryShare);
        }
        for (int i = 0; i < SAFE.length; i++) {
            safeLog[i] += logRatio(canary, stable, share(SAFE[i], canaryShare), qTolerated);
        }
        mostHarm = Math.max(mostHarm, harm());
    }

    /** The evidence that the canary is worse: the harm test's mixture likelihood ratio. */
    public double harm() {
        return mixture(harmLog);
    }

    /** The evidence that the canary is not worse than tolerated: the safety test's mixture likelihood ratio. */
    public double safety() {
        return mixture(safeLog);
    }

    /** What the evidence so far allows, at false-alarm rate {@code alpha} and false-promote rate {@code beta}. */
    public Call call(double alpha, double beta) {
        if (harm() >= 1 / alpha) {
            return Call.WORSE;
        }
        if (safety() >= 1 / beta) {
            return Call.NOT_WORSE;
        }
        return Call.CONTINUE;
    }

    /**
     * An always-valid p-value for "the canary is no worse": 1 over the most harm seen so far. Unlike a
     * fixed-horizon p-value it may be read at every look; it never rises.
     */
    public double pValue() {
        return Math.min(1, 1 / mostHarm);
    }

    public long canaryEvents() {
        return canaryEvents;
    }

    public long stableEvents() {
        return stableEvents;
    }

    public double tolerated() {
        return tolerated;
    }

    /** What the sequential test says at one look. */
    public enum Call {
        /** The canary's rate is higher than the stable's (harm crossed 1/alpha). */
        WORSE,
        /** The canary's rate is not above the tolerated ratio (safety crossed 1/beta). */
        NOT_WORSE,
        /** Not enough evidence yet: look again. */
        CONTINUE
    }

    /** The chance that an event is the canary's when its rate is {@code r} times the stable's. */
    static double share(double r, double canaryShare) {
        return r * canaryShare / (r * canaryShare + 1 - canaryShare);
    }

    private static double logRatio(long canary, long stable, double q, double q0) {
        return canary * Math.log(q / q0) + stable * Math.log1p(-q) - stable * Math.log1p(-q0);
    }

    /** The mean of exp(logs), computed without overflow. */
    private static double mixture(double[] logs) {
        double max = Arrays.stream(logs).max().orElseThrow();
        if (max == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum / logs.length);
        return log > 700 ? Double.MAX_VALUE : Math.exp(log);
    }
}
