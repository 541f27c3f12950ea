package dev.canarycouncil.orchestrator.gate;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.orchestrator.council.UnresolvableTargetException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One analysis per measurement. A controller asks again when its call times out and at every
 * interval: while an analysis of the same measurement runs, the ask waits for it; after it ends,
 * its answer is kept for {@code keep} when the canary was named by its hash (a later revision has
 * another hash), so a retry never starts a second analysis or files a second issue. Failed
 * analyses are not kept. Starting an analysis takes a slot of its caller and its rollout
 * ({@link AnalysisSlots}); joining one does not.
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
    private final AnalysisSlots slots;

    public Measurements(Analyst analyst, Duration keep, Executor executor, AnalysisSlots slots) {
        this.analyst = analyst;
        this.slots = slots;
        this.executor = executor;
        this.analyses = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(Expiry.<Measurement, Council.Analysis>creating(
                        (m, analysis) -> m.pinned() ? keep : Duration.ZERO))
                .executor(executor)
                .buildAsync();
    }

    /**
     * The measurement's analysis: the running or kept one, else a new one.
     *
     * @param caller who asks (a remote address), charged with the analysis if it starts one
     * @throws TooManyAnalysesException when a new analysis would exceed the caller's or the rollout's limit
     */
    public CompletableFuture<Council.Analysis> analysis(Measurement measurement, String caller) {
        boolean[] started = {false};
        CompletableFuture<Council.Analysis> analysis = start(measurement, caller, started);
        if (!started[0] && analysis.isCompletedExceptionally()) {
            // Caffeine drops a failed analysis soon after it fails; a later ask in between must not get that failure.
            analyses.asMap().remove(measurement, analysis);
            analysis = start(measurement, caller, started);
        }
        return analysis;
    }

    /** Waits up to {@code wait} for the measurement's analysis, started or joined as {@link #analysis} does. */
    public MeasurementOutcome await(Measurement measurement, String caller, Duration wait) {
        try {
            return new MeasurementOutcome.Judged(
                    analysis(measurement, caller).get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TooManyAnalysesException e) {
            return new MeasurementOutcome.Refused(e.getMessage(), e.retryAfter());
        } catch (TimeoutException e) {
            return new MeasurementOutcome.Running();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MeasurementOutcome.Failed(e, true);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause instanceof UnresolvableTargetException
                    ? new MeasurementOutcome.Unresolvable(cause.getMessage())
                    : new MeasurementOutcome.Failed(cause, false);
        }
    }

    private CompletableFuture<Council.Analysis> start(Measurement measurement, String caller, boolean[] started) {
        return analyses.get(measurement, (m, e) -> {
            AnalysisSlots.Slot slot = slots.acquire(caller, m.namespace() + "/" + m.rollout());
            started[0] = true;
            return run(m, slot);
        });
    }

    private CompletableFuture<Council.Analysis> run(Measurement measurement, AnalysisSlots.Slot slot) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (slot) {
                        return analyst.analyze(measurement);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(ex);
                    }
                },
                executor);
    }
}
