package dev.canarycouncil.metrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {

    private static long[] slot(int bucket, long count) {
        long[] s = new long[LatencyHistograms.BOUNDS.length + 1];
        s[bucket] = count;
        return s;
    }

    @Test
    void quantilesInterpolateWithinTheRanksBucketAsPrometheusDoes() {
        // 100 requests in (0.05, 0.1]: the 95th falls 95 % of the way through that bucket.
        LatencyHistograms h = new LatencyHistograms(List.of(slot(4, 100)), List.of(slot(4, 100)));
        assertEquals(0.0975, h.canaryQuantile(0.95, 0, 1), 1e-12);
        // Summed over slots: 50 in the first bucket (up to 5 ms) and 50 in (0.05, 0.1]; the median is the first's top.
        LatencyHistograms two =
                new LatencyHistograms(List.of(slot(0, 50), slot(4, 50)), List.of(slot(0, 1), slot(0, 1)));
        assertEquals(0.005, two.canaryQuantile(0.5, 0, 2), 1e-12);
        assertEquals(0.0025, two.canaryQuantile(0.25, 0, 2), 1e-12);
        // A rank in +Inf reads as the highest finite bound; no requests is NaN.
        LatencyHistograms slow = new LatencyHistograms(List.of(slot(11, 10)), List.of(slot(0, 0)));
        assertEquals(10, slow.canaryQuantile(0.95, 0, 1), 1e-12);
        assertTrue(Double.isNaN(slow.stableQuantile(0.95, 0, 1)));
        assertEquals(10, slow.canaryRequests(1));
    }

    @Test
    void aSimulatedCanaryTwiceAsSlowHasAboutTwiceTheP95() {
        SimulatedLatency healthy = new SimulatedLatency(20, 60, 0.040, 0.5, 0, 1);
        SimulatedLatency slower = new SimulatedLatency(20, 60, 0.040, 0.5, 0, 2);
        LatencyHistograms h = healthy.run(Duration.ofMinutes(10), 3);
        LatencyHistograms s = slower.run(Duration.ofMinutes(10), 3);
        assertEquals(20, h.slots());
        double p95 = h.stableQuantile(0.95, 0, 20);
        // Log-normal around 40 ms with sigma 0.5: p95 = 40 ms * e^(1.645 * 0.5) = 91 ms, read through the buckets.
        assertEquals(0.091, p95, 0.01);
        assertEquals(p95, h.canaryQuantile(0.95, 0, 20), 0.01);
        // 182 ms falls in the wide (0.1, 0.25] bucket, where linear interpolation reads it high, as Prometheus does.
        double slowP95 = s.canaryQuantile(0.95, 0, 20);
        assertTrue(slowP95 > 1.6 * p95 && slowP95 < 2.8 * p95, slowP95 + " against " + p95);
        assertEquals(20 * 600, h.canaryRequests(20), 300, "about 20 req/s for 10 minutes");
    }
}
