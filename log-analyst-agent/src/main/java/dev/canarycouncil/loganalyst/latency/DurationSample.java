package dev.canarycouncil.loganalyst.latency;

import dev.canarycouncil.runtime.schema.DurationUnit;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The durations one template's records stated on one side: every one up to {@link #CAPACITY}, then a
 * uniform sample of them (reservoir sampling with a fixed seed, so a rerun reads the same sample).
 * Durations in another unit than the first one read are left out rather than mixed in.
 */
public final class DurationSample {

    static final int CAPACITY = 2048;
    private static final long SEED = 0x5EEDL;

    private double[] values = new double[16];
    private int size;
    private long seen;
    private DurationUnit unit;
    private SplittableRandom random;

    public void add(Elapsed elapsed) {
        if (unit == null) {
            unit = elapsed.unit();
        } else if (unit != elapsed.unit()) {
            return;
        }
        seen++;
        if (size < CAPACITY) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(CAPACITY, size * 2));
            }
            values[size++] = elapsed.amount();
            return;
        }
        if (random == null) {
            random = new SplittableRandom(SEED);
        }
        long slot = random.nextLong(seen);
        if (slot < CAPACITY) {
            values[(int) slot] = elapsed.amount();
        }
    }

    /** Durations read (not only those kept). */
    public long count() {
        return seen;
    }

    /** The unit of the durations kept; milliseconds when none were read yet. */
    public DurationUnit unit() {
        return unit == null ? DurationUnit.MILLISECONDS : unit;
    }

    /** The durations kept, sorted. */
    double[] sorted() {
        double[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
