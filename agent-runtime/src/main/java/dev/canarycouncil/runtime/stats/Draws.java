package dev.canarycouncil.runtime.stats;

import java.util.SplittableRandom;

/**
 * Poisson, binomial and normal draws for simulations (the decision benchmarks, and tests that
 * simulate traffic): exact by inversion for small means, the normal approximation beyond (where it
 * is within a fraction of a percent and a thousand times faster).
 */
public final class Draws {

    private static final double EXACT_BELOW = 40;

    private Draws() {}

    public static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < EXACT_BELOW) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
    }

    public static long binomial(SplittableRandom random, long n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        double mean = n * p;
        if (n < EXACT_BELOW) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        if (mean < EXACT_BELOW || n * (1 - p) < EXACT_BELOW) {
            // Rare failures (or rare successes): the Poisson limit, capped at n.
            return p <= 0.5 ? Math.min(n, poisson(random, mean)) : n - Math.min(n, poisson(random, n * (1 - p)));
        }
        return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian(random))));
    }

    public static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
