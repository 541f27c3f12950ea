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

    @Test
    void eachJsonLineIsOneRecordWithTheTimeAndLevelOfTheUsualFields() {
        List<LogEvent> events = assemble("""
                {"level":"info","ts":1777975201.5,"caller":"main.go:30","msg":"request served","path":"/color","status":200}
                {"level":50,"time":1777975202000,"pid":7,"msg":"payment failed","err":{"type":"TimeoutError","message":"upstream timed out"}}
                {"@timestamp":"2026-05-05T10:00:03.000Z","log.level":"WARN","message":"retrying","tags":["a","b"]}
                {"severity":"debug","msg":"no time here"}
                """);
        assertEquals(4, events.size());
        assertEquals(Level.INFO, events.get(0).level());
        assertEquals(Instant.parse("2026-05-05T10:00:01.500Z"), events.get(0).timestamp(), "zap writes epoch seconds");
        assertEquals(
                "level=info caller=main.go:30 msg=\"request served\" path=/color status=200",
                events.get(0).header());
        assertEquals(Level.ERROR, events.get(1).level(), "pino's numeric level 50 is error");
        assertEquals(
                Instant.parse("2026-05-05T10:00:02Z"), events.get(1).timestamp(), "pino writes epoch milliseconds");
        assertTrue(
                events.get(1).header().contains("err.type=TimeoutError err.message=\"upstream timed out\""),
                events.get(1).header());
        assertEquals(Level.WARN, events.get(2).level());
        assertEquals(Instant.parse("2026-05-05T10:00:03Z"), events.get(2).timestamp());
        assertTrue(events.get(2).header().endsWith("tags=[…]"), events.get(2).header());
        assertEquals(Level.DEBUG, events.get(3).level());
        assertEquals(
                Instant.parse("2026-05-05T10:00:03Z"),
                events.get(3).timestamp(),
                "a record without a time inherits the last");
    }

    @Test
    void aStackTraceInsideAJsonFieldBecomesTheRecordsContinuationLines() {
        List<LogEvent> events = assemble("""
                {"@timestamp":"2026-05-05T10:00:01Z","level":"ERROR","logger_name":"c.e.OrderController","message":"order failed","stack_trace":"java.lang.NullPointerException: cart is null\\n\\tat com.example.CartService.total(CartService.java:17)\\n\\tat java.base/java.lang.Thread.run(Thread.java:833)\\n"}
                {"@timestamp":"2026-05-05T10:00:02Z","level":"INFO","message":"order placed"}
                """);
        assertEquals(2, events.size());
        LogEvent error = events.get(0);
        assertEquals(Level.ERROR, error.level());
        assertEquals(
                List.of(
                        "java.lang.NullPointerException: cart is null",
                        "\tat com.example.CartService.total(CartService.java:17)",
                        "\tat java.base/java.lang.Thread.run(Thread.java:833)"),
                error.lines());
        var crash = new dev.canarycouncil.loganalyst.signatures.CrashDetector().detect(error);
        assertEquals("java.lang.NullPointerException", crash.exception());
        assertEquals("CartService.java:17", crash.location());
    }

    @Test
    void aLineThatOnlyLooksLikeJsonIsReadAsText() {
        List<LogEvent> events = assemble("""
                2026-05-05T10:00:01Z ERROR dumping state
                {not json: at all}
                {"a":1} trailing
                """);
        assertEquals(1, events.size(), "both brace lines continue the ERROR record");
        assertEquals(3, events.get(0).totalLines());
    }
}
