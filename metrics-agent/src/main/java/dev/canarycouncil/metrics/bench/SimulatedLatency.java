package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.stats.Draws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * A canary and its stable serving requests for a window, 30 s slot by slot, as their latency
 * histograms record them: requests arrive as Poisson processes; each request's latency is
 * log-normal around a median that a load both sides share moves each minute, times the canary's
 * slowdown on the canary.
 *
 * @param canaryRps  the canary's requests per second
 * @param stableRps  the stable's requests per second
 * @param median     the stable's median latency at an even load, in seconds
 * @param spread     log-scale sigma of one request's latency around the median
 * @param loadSpread log-scale sigma of the shared load, drawn each minute (0: steady)
 * @param slowdown   the canary's latency over the stable's (1: healthy)
 */
public record SimulatedLatency(
        double canaryRps, double stableRps, double median, double spread, double loadSpread, double slowdown) {

    public SimulatedLatency {
        if (!(canaryRps > 0)
                || !(stableRps > 0)
                || !(median > 0)
                || !(spread > 0)
                || !(loadSpread >= 0)
                || !(slowdown > 0)) {
            throw new IllegalArgumentException("simulated latency needs traffic on both sides, a median, a spread, "
                    + "a load spread of 0 or more and a positive slowdown");
        }
    }

    /** The slots of one run, fixed by {@code seed}. */
    public LatencyHistograms run(Duration window, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int slots = (int) (window.toSeconds() / LatencyHistograms.SLOT.toSeconds());
        double seconds = LatencyHistograms.SLOT.toSeconds();
        List<long[]> canary = new ArrayList<>(slots);
        List<long[]> stable = new ArrayList<>(slots);
        double load = 1;
        for (int s = 0; s < slots; s++) {
            if (s % 2 == 0) {
                load = Math.exp(loadSpread * Draws.gaussian(random));
            }
            canary.add(buckets(random, Draws.poisson(random, canaryRps * seconds), median * load * slowdown));
            stable.add(buckets(random, Draws.poisson(random, stableRps * seconds), median * load));
        }
        return new LatencyHistograms(canary, stable);
    }

    /** {@code n} requests spread over the buckets: a multinomial draw, bucket by bucket. */
    private long[] buckets(SplittableRandom random, long n, double at) {
        double[] bounds = LatencyHistograms.BOUNDS;
        long[] out = new long[bounds.length + 1];
        long left = n;
        double below = 0;
        for (int b = 0; b < bounds.length && left > 0; b++) {
            double upTo = lognormalCdf(bounds[b], at);
            double p = (upTo - below) / (1 - below);
            long k = Draws.binomial(random, left, Math.min(1, Math.max(0, p)));
            out[b] = k;
            left -= k;
            below = upTo;
        }
        out[bounds.length] = left;
        return out;
    }

    private double lognormalCdf(double x, double at) {
        return 0.5 * Erfc.value(-Math.log(x / at) / (spread * Math.sqrt(2)));
    }
}
