package dev.canarycouncil.orchestrator.gate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.canarycouncil.orchestrator.council.Council;

/**
 * One analysis per measurement. A controller asks again when its call times out and at every
 * interval: while an analysis of the same measurement runs, the ask waits for it; after it ends,
 * its answer is kept for {@code keep} when the canary was named by its hash (a later revision has
 * another hash), so a retry never starts a second analysis or files a second issue. Failed
 * analyses are not kept.
 */
public final class Measurements {

    /** Runs one analysis; may block. */
    @FunctionalInterface
    public interface Analyst {
        Council.Analysis analyze(Measurement measurement) throws InterruptedException;
    }

    private final AsyncCache<Measurement, Council.Analysis> analyses;
    private final Analyst analyst;
    private final Executor executor;

    public Measurements(Analyst analyst, Duration keep, Executor executor) {
        this.analyst = analyst;
        this.executor = executor;
        this.analyses = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.<Measurement, Council.Analysis>creating((m, analysis) -> m.pinned() ? keep : Duration.ZERO))
                .executor(executor)
                .buildAsync();
    }

    /** The measurement's analysis: the running or kept one, else a new one. */
    public CompletableFuture<Council.Analysis> analysis(Measurement measurement) {
        return analyses.get(measurement, (m, e) -> CompletableFuture.supplyAsync(() -> {
            try {
                return analyst.analyze(m);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new CompletionException(ex);
            }
        }, executor));
    }
}
