package dev.canarycouncil.orchestrator.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One caller floods the web provider's endpoint with analyses of many rollouts, over real HTTP
 * from its own address (127.0.0.2); it gets its limit and 429 with Retry-After for the rest, while
 * a second caller (127.0.0.3) is still served.
 */
class AnalysisFloodTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Measurements measurements = new Measurements(m -> {
            started.incrementAndGet();
            release.await();
            throw new InterruptedException("test over");
        }, Duration.ofMinutes(2), executor, new AnalysisSlots(new AnalysisLimits(3, 2, Duration.ofSeconds(10))));
        Router router = Router.router(vertx);
        new GateRoutes(measurements, Duration.ofMillis(200), GateAccess.open()).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "0.0.0.0").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        executor.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The status line and headers of a POST sent from {@code from}. */
    private String post(String from, String rollout) throws Exception {
        String body = "{\"namespace\":\"shop\",\"rollout\":\"" + rollout + "\",\"canaryHash\":\"7c9d6f5b4\"}";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + GateRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFloodFromOneCallerStaysWithinItsLimitWhileAnotherCallerIsServed() throws Exception {
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            flood.add(post("127.0.0.2", "service-" + i));
        }
        long running = flood.stream().filter(r -> r.startsWith("HTTP/1.1 503")).count();
        List<String> refused = flood.stream().filter(r -> r.startsWith("HTTP/1.1 429")).toList();
        assertEquals(3, running, "the caller's three analyses run: " + flood);
        assertEquals(5, refused.size(), flood.toString());
        assertTrue(refused.stream().allMatch(r -> r.toLowerCase().contains("retry-after: 10")), refused.get(0));
        assertEquals(3, started.get(), "refused asks start nothing");

        String other = post("127.0.0.3", "payments");
        assertTrue(other.startsWith("HTTP/1.1 503"), "another caller is served (its analysis runs): " + other);
        assertEquals(4, started.get());

        // Asking again for a running analysis joins it and costs no slot.
        assertTrue(post("127.0.0.2", "service-0").startsWith("HTTP/1.1 503"));
        assertEquals(4, started.get());
    }
}
