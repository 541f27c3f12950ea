package dev.canarycouncil.runtime.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** Creates the one Vert.x instance a process shares between its agents. */
public final class VertxFactory {

    private VertxFactory() {}

    /**
     * @param workerThreads worker threads for blocking handlers; every in-flight blocking A2A call
     *                      and every in-flight plugin analysis holds one
     */
    public static Vertx create(int workerThreads) {
        return Vertx.vertx(new VertxOptions()
                .setWorkerPoolSize(workerThreads)
                // Blocking A2A sends legitimately run for minutes; do not warn about them.
                .setMaxWorkerExecuteTime(Long.MAX_VALUE / 2)
                .setBlockedThreadCheckInterval(60_000));
    }
}
