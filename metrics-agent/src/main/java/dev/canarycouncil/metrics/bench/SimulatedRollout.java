package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.stats.Draws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A canary and its stable serving traffic for a window, tick by tick: requests arrive as Poisson
 * processes split by the canary's weight, and each request fails with its side's error rate.
 *
 * @param rps          requests per second over both sides
 * @param canaryWeight the canary's share of the traffic, in (0, 1)
 * @param errorRate    the stable's share of failed requests
 * @param ratio        how many times the stable's error rate the canary's is (1: healthy)
 */
public record SimulatedRollout(double rps, double canaryWeight, double errorRate, double ratio) {

    /** One tick's requests and failures on each side. */
    public record Tick(long canaryRequests, long canaryErrors, long stableRequests, long stableErrors) {}

    public SimulatedRollout {
        if (!(rps > 0) || !(canaryWeight > 0) || !(canaryWeight < 1) || !(errorRate >= 0) || !(ratio > 0)) {
            throw new IllegalArgumentException(
                    "a simulated rollout needs traffic, a weight in (0, 1), an error rate " + "and a positive ratio");
        }
    }

    public double canaryErrorRate() {
        return Math.min(1, errorRate * ratio);
    }

    /** The ticks of one run, fixed by {@code seed}. */
    public List<Tick> run(Duration window, Duration tick, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double seconds = tick.toMillis() / 1000.0;
        long ticks = window.toMillis() / tick.toMillis();
        List<Tick> out = new ArrayList<>((int) ticks);
        for (long t = 0; t < ticks; t++) {
            long canary = Draws.poisson(random, rps * canaryWeight * seconds);
            long stable = Draws.poisson(random, rps * (1 - canaryWeight) * seconds);
            out.add(new Tick(
                    canary,
                    Draws.binomial(random, canary, canaryErrorRate()),
                    stable,
                    Draws.binomial(random, stable, errorRate)));
        }
        return out;
    }
}
