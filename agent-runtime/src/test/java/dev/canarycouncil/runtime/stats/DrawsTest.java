package dev.canarycouncil.runtime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The simulated traffic has the mean and spread it claims, on both sides of the exact/approximate switch. */
class DrawsTest {

    private static double[] meanAndVariance(LongSupplier draw, int n) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            long x = draw.getAsLong();
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / n;
        return new double[] {mean, squares / n - mean * mean};
    }

    @Test
    void poissonDrawsHaveTheirMeanAsVariance() {
        SplittableRandom random = new SplittableRandom(1);
        for (double mean : new double[] {0.4, 4, 39, 41, 400}) {
            double[] mv = meanAndVariance(() -> Draws.poisson(random, mean), 40_000);
            assertEquals(mean, mv[0], 0.03 * mean + 0.02, "mean at " + mean);
            assertEquals(mean, mv[1], 0.06 * mean + 0.05, "variance at " + mean);
        }
    }

    @Test
    void binomialDrawsStayWithinTheirTrialsAndMatchTheirMean() {
        SplittableRandom random = new SplittableRandom(2);
        long[][] cases = {{10, 50}, {1_000, 5}, {1_000, 500}, {20_000, 995}};
        for (long[] c : cases) {
            long n = c[0];
            double p = c[1] / 1000.0;
            double[] mv = meanAndVariance(
                    () -> {
                        long k = Draws.binomial(random, n, p);
                        assertTrue(k >= 0 && k <= n, k + " of " + n);
                        return k;
                    },
                    20_000);
            assertEquals(n * p, mv[0], 0.03 * n * p + 0.05, "mean of " + n + " at " + p);
            assertEquals(n * p * (1 - p), mv[1], 0.08 * n * p * (1 - p) + 0.1, "variance of " + n + " at " + p);
        }
        assertEquals(0, Draws.binomial(random, 100, 0));
        assertEquals(100, Draws.binomial(random, 100, 1));
    }
}
