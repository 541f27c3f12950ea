package dev.canarycouncil.loganalyst.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.DurationUnit;
import org.junit.jupiter.api.Test;

class DurationSampleTest {

    private static DurationSample counting(int n) {
        DurationSample s = new DurationSample();
        for (int i = 0; i < n; i++) {
            s.add(new Elapsed(i, DurationUnit.MILLISECONDS));
        }
        return s;
    }

    @Test
    void keepsABoundedUniformSampleOfAMillionDurations() {
        DurationSample s = counting(1_000_000);
        assertEquals(1_000_000, s.count());
        double[] kept = s.sorted();
        assertEquals(DurationSample.CAPACITY, kept.length);
        // Uniform over 0..999,999: the kept median sits near the middle, not at the first values read.
        double median = kept[kept.length / 2];
        assertTrue(median > 440_000 && median < 560_000, "median of the sample: " + median);
    }

    @Test
    void theSameInputGivesTheSameSample() {
        assertArrayEquals(counting(50_000).sorted(), counting(50_000).sorted());
    }

    @Test
    void durationsInAnotherUnitAreLeftOutNotMixedIn() {
        DurationSample s = new DurationSample();
        s.add(new Elapsed(12, DurationUnit.MILLISECONDS));
        s.add(new Elapsed(0.012, DurationUnit.UNSTATED));
        assertEquals(1, s.count());
        assertEquals(DurationUnit.MILLISECONDS, s.unit());
    }
}
