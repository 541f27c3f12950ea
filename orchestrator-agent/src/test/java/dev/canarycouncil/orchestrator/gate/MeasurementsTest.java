package dev.canarycouncil.orchestrator.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.runtime.schema.SourceRepository;
import dev.canarycouncil.runtime.schema.TargetKind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    private static final String CALLER = "10.0.0.7";

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static Measurement of(String canary, String step) {
        return new Measurement(
                "shop", TargetKind.ARGO_ROLLOUT, "checkout", canary, "", step, "", SourceRepository.NONE);
    }

    private Council.Analysis analysis() {
        runs.incrementAndGet();
        return new Council.Analysis(null, null);
    }

    @Test
    void asksWhileItRunsJoinItAndAskingJustAfterGetsItsAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Measurements m = new Measurements(
                x -> {
                    release.await();
                    return analysis();
                },
                Duration.ofMinutes(2),
                executor,
                new AnalysisSlots(AnalysisLimits.defaults()));
        var first = m.analysis(of("7c9d6f5b4", "2"), CALLER);
        var second = m.analysis(of("7c9d6f5b4", "2"), CALLER);
        release.countDown();
        assertSame(first.get(), second.get());
        assertSame(first.get(), m.analysis(of("7c9d6f5b4", "2"), CALLER).get());
        assertEquals(1, runs.get());
        m.analysis(of("7c9d6f5b4", "3"), CALLER).get();
        m.analysis(of("9f8e7d6c5", "2"), CALLER).get();
        assertEquals(3, runs.get(), "another step or another canary is another measurement");
    }

    @Test
    void aRolloutNamedWithoutItsCanaryIsNotAnsweredFromAFinishedAnalysis() throws Exception {
        Measurements m = new Measurements(
                x -> analysis(), Duration.ofMinutes(2), executor, new AnalysisSlots(AnalysisLimits.defaults()));
        var first = m.analysis(of("", ""), CALLER).get();
        Thread.sleep(50); // let the zero-length expiry pass
        assertNotSame(first, m.analysis(of("", ""), CALLER).get());
        assertEquals(2, runs.get());
    }

    @Test
    void aFailedAnalysisIsNotKept() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Measurements m = new Measurements(
                x -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("mcp down");
                    }
                    return analysis();
                },
                Duration.ofMinutes(2),
                executor,
                new AnalysisSlots(AnalysisLimits.defaults()));
        assertThrows(
                ExecutionException.class,
                () -> m.analysis(of("7c9d6f5b4", ""), CALLER).get());
        m.analysis(of("7c9d6f5b4", ""), CALLER).get();
        assertEquals(2, calls.get());
    }
}
