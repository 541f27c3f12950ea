package dev.canarycouncil.metrics.incremental;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The per-step values of each query a rollout's calls have read, so that the next call asks the
 * metrics source only for the steps since: the last call of an hour-long window then costs about
 * what the first did. The newest steps are read again each time, because a scrape that was late
 * when they were first read may have landed since.
 */
public final class KeptSteps {

    /** Steps read again at every call; a scrape lands within one step of at least a minute. */
    static final int REREAD_STEPS = 2;

    public static final int MAX_SERIES = 10_000;
    public static final Duration IDLE = Duration.ofMinutes(30);

    /**
     * One query's steps: {@code first} is the first step's end, every later step lies a whole
     * number of steps after it, so a longer window continues the same steps.
     */
    public record Key(String query, Instant first, Duration step) {}

    /** Asks the metrics source for the steps ending from {@code from} to {@code to}, as (epoch second, value). */
    @FunctionalInterface
    public interface Source {
        List<double[]> points(Instant from, Instant to);
    }

    private final Cache<Key, TreeMap<Long, Double>> kept;

    public KeptSteps(int maxSeries, Duration idle) {
        this.kept = Caffeine.newBuilder()
                .maximumSize(maxSeries)
                .expireAfterAccess(idle)
                .build();
    }

    /** The steps from the key's first to {@code end}, reading only those not read before. */
    public SortedMap<Long, Double> steps(Key key, Instant end, Source source) {
        TreeMap<Long, Double> steps = kept.get(key, k -> new TreeMap<>());
        synchronized (steps) {
            Instant from = rereadFrom(key, steps);
            if (!from.isAfter(end)) {
                steps.tailMap(from.getEpochSecond(), true).clear();
                for (double[] point : source.points(from, end)) {
                    steps.put(Math.round(point[0]), point[1]);
                }
            }
            return new TreeMap<>(steps.headMap(end.getEpochSecond(), true));
        }
    }

    /** The first step to ask for: the key's first, or a few steps before the newest one kept. */
    private static Instant rereadFrom(Key key, TreeMap<Long, Double> steps) {
        if (steps.isEmpty()) {
            return key.first();
        }
        long stepSeconds = key.step().toSeconds();
        long newest = steps.lastKey();
        long done = (newest - key.first().getEpochSecond()) / stepSeconds;
        long from = Math.max(0, done - (REREAD_STEPS - 1));
        return key.first().plusSeconds(from * stepSeconds);
    }
}
