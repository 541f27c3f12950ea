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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One caller floods the web provider's endpoint with analyses of many rollouts, over real HTTP
 * from its own address (127.0.0.2); it gets its limit and 429 with Retry-After for the rest, while
 * a second caller (127.0.0.3) is still served.
 */
class AnalysisFloodTest {

    private StalledAnalyses analyses;

    @BeforeEach
    void start() throws Exception {
        analyses = new StalledAnalyses(
                new AnalysisLimits(3, 2, Duration.ofSeconds(10)),
                (measurements, router) ->
                        new GateRoutes(measurements, Duration.ofMillis(200), GateAccess.open()).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        analyses.close();
    }

    /** The status line and headers of a POST sent from {@code from}. */
    private String post(String from, String rollout) throws Exception {
        String body = "{\"namespace\":\"shop\",\"rollout\":\"" + rollout + "\",\"canaryHash\":\"7c9d6f5b4\"}";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", analyses.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + GateRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Connection: close\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                            + "\r\n\r\n" + body)
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
        List<String> refused =
                flood.stream().filter(r -> r.startsWith("HTTP/1.1 429")).toList();
        assertEquals(3, running, "the caller's three analyses run: " + flood);
        assertEquals(5, refused.size(), flood.toString());
        assertTrue(refused.stream().allMatch(r -> r.toLowerCase().contains("retry-after: 10")), refused.get(0));
        assertEquals(3, analyses.started(), "refused asks start nothing");

        String other = post("127.0.0.3", "payments");
        assertTrue(other.startsWith("HTTP/1.1 503"), "another caller is served (its analysis runs): " + other);
        assertEquals(4, analyses.started());

        // Asking again for a running analysis joins it and costs no slot.
        assertTrue(post("127.0.0.2", "service-0").startsWith("HTTP/1.1 503"));
        assertEquals(4, analyses.started());
    }
}
