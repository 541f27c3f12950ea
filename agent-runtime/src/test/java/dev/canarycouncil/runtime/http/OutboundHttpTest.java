package dev.canarycouncil.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one client layer against a real HTTP server: caps, redirects, timeouts. */
class OutboundHttpTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small", ex -> reply(ex, 200, new byte[1000], true));
        server.createContext("/declared-large", ex -> reply(ex, 200, new byte[5000], true));
        // Chunked: no Content-Length, so only counting the bytes can stop it.
        server.createContext("/streamed-large", ex -> reply(ex, 200, new byte[200_000], false));
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", base + "/small");
            reply(ex, 302, new byte[0], true);
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, new byte[1], true);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body, boolean length)
            throws IOException {
        ex.sendResponseHeaders(status, length ? (body.length == 0 ? -1 : body.length) : 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < body.length; i += 4096) {
                out.write(body, i, Math.min(4096, body.length - i));
            }
        }
    }

    private HttpResponse<byte[]> get(HttpLimits limits, String path) throws Exception {
        return OutboundHttp.client(limits)
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(limits.requestTimeout())
                                .build(),
                        OutboundHttp.cappedBytes(limits, "the test server"));
    }

    private static final HttpLimits LIMITS =
            HttpLimits.of(Duration.ofSeconds(2), Duration.ofSeconds(2)).withMaxResponseBytes(4096);

    @Test
    void aBodyWithinTheCapIsReadWhole() throws Exception {
        assertEquals(1000, get(LIMITS, "/small").body().length);
    }

    @Test
    void aBodyOverTheCapFailsNamingThePeerAndTheCap() {
        for (String path : new String[] {"/declared-large", "/streamed-large"}) {
            IOException e = assertThrows(IOException.class, () -> get(LIMITS, path), path);
            Throwable tooLarge = e instanceof ResponseTooLargeException ? e : e.getCause();
            assertInstanceOf(ResponseTooLargeException.class, tooLarge, path);
            assertEquals("the test server exceeds 4 KiB; not read further", tooLarge.getMessage());
        }
    }

    @Test
    void redirectsAreFollowedOnlyWhenAsked() throws Exception {
        assertEquals(302, get(LIMITS, "/moved").statusCode());
        HttpResponse<byte[]> followed = get(LIMITS.following(HttpLimits.Redirects.FOLLOW), "/moved");
        assertEquals(200, followed.statusCode());
        assertEquals(1000, followed.body().length);
    }

    @Test
    void aPeerThatDoesNotAnswerTimesOutWithAReasonInWords() {
        HttpLimits quick = HttpLimits.of(Duration.ofSeconds(2), Duration.ofMillis(300));
        IOException e = assertThrows(IOException.class, () -> get(quick, "/slow"));
        assertEquals("no answer in time", Failures.describe(e));
    }

    @Test
    void limitsAreCheckedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> HttpLimits.of(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> LIMITS.withMaxResponseBytes(0));
        assertTrue(OutboundHttp.size(8L * 1024 * 1024).equals("8 MiB")
                && OutboundHttp.size(300).equals("300 bytes"));
    }
}
