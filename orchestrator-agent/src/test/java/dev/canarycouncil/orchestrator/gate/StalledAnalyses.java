package dev.canarycouncil.orchestrator.gate;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Endpoints over real HTTP whose analyses never end while the test runs, for what callers get
 * while analyses are still running: the routes under test mount on a router served on all
 * local addresses, and {@link #started()} counts the analyses actually started.
 */
public final class StalledAnalyses implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    /** @param mount mounts the routes under test on the router, given measurements whose analyses stall */
    public StalledAnalyses(AnalysisLimits limits, BiConsumer<Measurements, Router> mount) throws Exception {
        Measurements measurements = new Measurements(
                m -> {
                    started.incrementAndGet();
                    release.await();
                    throw new InterruptedException("test over");
                },
                Duration.ofMinutes(2),
                executor,
                new AnalysisSlots(limits));
        Router router = Router.router(vertx);
        mount.accept(measurements, router);
        server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "0.0.0.0")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    public int started() {
        return started.get();
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        executor.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
