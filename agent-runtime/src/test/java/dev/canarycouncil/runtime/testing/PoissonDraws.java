package dev.canarycouncil.runtime.testing;

import java.util.SplittableRandom;

/** Poisson counts for simulations in tests, exact by Knuth's product of uniforms (for small means). */
public final class PoissonDraws {

    private PoissonDraws() {}

    public static long draw(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
