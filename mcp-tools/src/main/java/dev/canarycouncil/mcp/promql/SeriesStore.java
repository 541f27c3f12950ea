package dev.canarycouncil.mcp.promql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recorded time series held in memory, each sorted by time. */
public final class SeriesStore {

    /** One series: parallel arrays of millisecond timestamps and values. */
    public record Series(Labels labels, long[] timestamps, double[] values) {

        public int size() {
            return timestamps.length;
        }
    }

    private final List<Series> series;
    private final long minTime;
    private final long maxTime;

    private SeriesStore(List<Series> series) {
        this.series = List.copyOf(series);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Series s : series) {
            if (s.size() > 0) {
                min = Math.min(min, s.timestamps()[0]);
                max = Math.max(max, s.timestamps()[s.size() - 1]);
            }
        }
        this.minTime = min;
        this.maxTime = max;
    }

    public static SeriesStore empty() {
        return new SeriesStore(List.of());
    }

    public List<Series> select(List<Matcher> matchers) {
        List<Series> selected = new ArrayList<>();
        outer:
        for (Series s : series) {
            for (Matcher m : matchers) {
                if (!m.matches(s.labels().get(m.name()))) {
                    continue outer;
                }
            }
            selected.add(s);
        }
        return selected;
    }

    /** The series the matchers select that have a sample between {@code start} and {@code end} (milliseconds, inclusive). */
    public List<Series> selectBetween(List<Matcher> matchers, long start, long end) {
        List<Series> out = new ArrayList<>();
        for (Series s : select(matchers)) {
            int i = Arrays.binarySearch(s.timestamps(), start);
            int first = i >= 0 ? i : -i - 1;
            if (first < s.size() && s.timestamps()[first] <= end) {
                out.add(s);
            }
        }
        return out;
    }

    public int seriesCount() {
        return series.size();
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** Earliest sample time in milliseconds, or {@code Long.MAX_VALUE} when empty. */
    public long minTime() {
        return minTime;
    }

    public long maxTime() {
        return maxTime;
    }

    /** Collects samples series by series; samples of one series must arrive in time order. */
    public static final class Builder {

        private final Map<Labels, Growing> series = new LinkedHashMap<>();

        /**
         * @return false when the sample was dropped because it is not newer than the previous sample
         *         of its series (Prometheus drops out-of-order samples too)
         */
        public boolean add(Labels labels, long timestampMillis, double value) {
            Growing g = series.computeIfAbsent(labels, l -> new Growing());
            if (g.size > 0 && timestampMillis <= g.times[g.size - 1]) {
                return false;
            }
            g.add(timestampMillis, value);
            return true;
        }

        public SeriesStore build() {
            List<Series> built = new ArrayList<>(series.size());
            series.forEach((labels, g) ->
                    built.add(new Series(labels, Arrays.copyOf(g.times, g.size), Arrays.copyOf(g.values, g.size))));
            return new SeriesStore(built);
        }
    }

    private static final class Growing {
        long[] times = new long[16];
        double[] values = new double[16];
        int size;

        void add(long t, double v) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = v;
            size++;
        }
    }
}
