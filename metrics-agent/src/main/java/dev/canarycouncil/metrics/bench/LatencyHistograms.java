package dev.canarycouncil.metrics.bench;

import java.time.Duration;
import java.util.List;

/**
 * Requests' latencies as a Prometheus histogram records them: each side's bucket increases per 30 s
 * slot (not cumulative; the last bucket is +Inf), read back as {@code histogram_quantile} does.
 */
public record LatencyHistograms(List<long[]> canary, List<long[]> stable) {

    /** The client libraries' default buckets, in seconds. */
    public static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    public static final Duration SLOT = Duration.ofSeconds(30);

    public LatencyHistograms {
        canary = List.copyOf(canary);
        stable = List.copyOf(stable);
    }

    public int slots() {
        return canary.size();
    }

    /** The canary's quantile over the slots [from, end); NaN when it had no requests. */
    public double canaryQuantile(double q, int from, int end) {
        return quantile(q, canary, from, end);
    }

    public double stableQuantile(double q, int from, int end) {
        return quantile(q, stable, from, end);
    }

    /** Requests the canary served in the slots [0, end). */
    public long canaryRequests(int end) {
        long n = 0;
        for (int s = 0; s < end; s++) {
            for (long c : canary.get(s)) {
                n += c;
            }
        }
        return n;
    }

    /**
     * Prometheus's histogram_quantile: the rank's bucket, linear within it from the bucket below's
     * bound (0 for the first); a rank in +Inf gives the highest finite bound.
     */
    static double quantile(double q, List<long[]> slots, int from, int end) {
        long[] sum = new long[BOUNDS.length + 1];
        long total = 0;
        for (int s = from; s < end; s++) {
            long[] slot = slots.get(s);
            for (int b = 0; b < sum.length; b++) {
                sum[b] += slot[b];
                total += slot[b];
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int b = 0; b < BOUNDS.length; b++) {
            if (below + sum[b] >= rank) {
                double lower = b == 0 ? 0 : BOUNDS[b - 1];
                return lower + (BOUNDS[b] - lower) * (rank - below) / sum[b];
            }
            below += sum[b];
        }
        return BOUNDS[BOUNDS.length - 1];
    }
}
