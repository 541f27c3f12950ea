package dev.canarycouncil.runtime.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background threads that never keep the JVM alive, named for what they do so a thread dump reads
 * as the work: a part that is closed, or a command that ends, stops with them.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Threads called {@code name}, or {@code name-2}, {@code name-3}, … after the first. */
    public static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            int n = count.incrementAndGet();
            Thread t = new Thread(r, n == 1 ? name : name + "-" + n);
            t.setDaemon(true);
            return t;
        };
    }

    /** One thread that runs timed work (retries, periodic checks) in order. */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }
}
