package dev.canarycouncil.loganalyst.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventAssemblerTest {

    private static List<LogEvent> assemble(String text) {
        return Events.assemble(text);
    }

    @Test
    void aJavaStackTraceWithItsCauseChainIsOneRecordUnderItsErrorLine() {
        List<LogEvent> events = assemble("""
                2026-05-05T10:00:01.000Z  INFO 1 --- [main] c.e.App : started
                2026-05-05T10:00:02.000Z ERROR 1 --- [exec-1] c.e.OrderController : order failed
                java.lang.IllegalStateException: could not place order
                \tat com.example.OrderService.place(OrderService.java:42)
                \tat org.springframework.web.Servlet.service(Servlet.java:10)
                Caused by: java.lang.NullPointerException: Cannot invoke "Cart.items()" because "cart" is null
                \tat com.example.CartService.total(CartService.java:17)
                \t... 12 more
                2026-05-05T10:00:03.000Z  INFO 1 --- [exec-2] c.e.OrderController : order placed
                """);
        assertEquals(3, events.size());
        LogEvent error = events.get(1);
        assertEquals(Level.ERROR, error.level());
        assertEquals(7, error.totalLines());
        assertEquals(Instant.parse("2026-05-05T10:00:02Z"), error.timestamp());
    }

    @Test
    void aGoPanicIsItsOwnRecordIncludingItsGoroutineTrace() {
        List<LogEvent> events = assemble("""
                time="2026-05-05T10:00:01Z" level=info msg=served
                panic: runtime error: index out of range [3] with length 3

                goroutine 18 [running]:
                main.getColor(...)
                \t/app/main.go:42
                created by main.main in goroutine 1
                \t/app/main.go:71 +0x2c5
                """);
        assertEquals(2, events.size());
        LogEvent panic = events.get(1);
        assertEquals(Level.FATAL, panic.level());
        assertEquals(7, panic.totalLines());
        assertEquals(Instant.parse("2026-05-05T10:00:01Z"), panic.timestamp(), "a panic inherits the last time seen");
    }

    @Test
    void pythonTracebacksCloseAtTheExceptionLineWhetherLoggedOrUncaught() {
        List<LogEvent> logged = assemble("""
                2026-05-05 10:00:01,123 ERROR app: checkout failed
                Traceback (most recent call last):
                  File "/app/app.py", line 42, in checkout
                    total = cart["items"]
                KeyError: 'items'
                2026-05-05 10:00:02,000 INFO app: next
                """);
        assertEquals(2, logged.size());
        assertEquals(5, logged.get(0).totalLines());

        List<LogEvent> uncaught = assemble("""
                Traceback (most recent call last):
                  File "/app/app.py", line 42, in checkout
                KeyError: 'items'
                starting again
                """);
        assertEquals(2, uncaught.size());
        assertEquals(Level.FATAL, uncaught.get(0).level());
        assertEquals("starting again", uncaught.get(1).header());
    }

    @Test
    void inAPlainStreamEveryUnindentedLineIsARecord() {
        List<LogEvent> events = assemble("""
                listening on :8080
                GET /api 200
                TypeError: Cannot read properties of undefined (reading 'id')
                    at handler (/app/server.js:42:13)
                    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)
                GET /api 200
                """);
        assertEquals(4, events.size());
        assertEquals(3, events.get(2).totalLines());
    }

    @Test
    void longRecordsKeepTheirFirstLinesAndCountTheRest() {
        StringBuilder trace = new StringBuilder("panic: boom\n");
        for (int i = 0; i < 1000; i++) {
            trace.append("\tframe ").append(i).append('\n');
        }
        LogEvent event = assemble(trace.toString()).get(0);
        assertEquals(1001, event.totalLines());
        assertEquals(200, event.lines().size());
        assertTrue(event.text(100_000).endsWith("... 800 more lines"));
    }
}
