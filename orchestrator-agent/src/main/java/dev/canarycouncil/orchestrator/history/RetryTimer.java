package dev.canarycouncil.orchestrator.history;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** At most one pending retry of failed writes, however many fail while it waits. */
final class RetryTimer {

    private final ScheduledExecutorService on;
    private final Duration after;
    private final Runnable retry;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param on the writer's own thread, so a retry never runs beside a write */
    RetryTimer(ScheduledExecutorService on, Duration after, Runnable retry) {
        this.on = on;
        this.after = after;
        this.retry = retry;
    }

    void request() {
        if (scheduled.compareAndSet(false, true)) {
            on.schedule(
                    () -> {
                        scheduled.set(false);
                        retry.run();
                    },
                    after.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }
}
