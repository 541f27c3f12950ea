package dev.canarycouncil.loganalyst.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.ingest.Events;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashDetectorTest {

    private final CrashDetector detector = new CrashDetector();

    private CrashSignature detect(String text) {
        List<LogEvent> events = Events.assemble(text);
        return detector.detect(events.get(events.size() - 1));
    }

    @Test
    void goPanicFindsTheTopApplicationFrameBelowTheRuntime() {
        CrashSignature s = detect("""
                panic: runtime error: invalid memory address or nil pointer dereference
                [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2f1b]

                goroutine 1 [running]:
                runtime.throw({0x4c1b2a, 0x2a})
                \t/usr/local/go/src/runtime/panic.go:1077 +0x5c
                main.(*Cart).Total(0x0)
                \t/app/cart.go:17 +0x1b
                main.main()
                \t/app/main.go:30 +0x25
                """);
        assertEquals(CrashKind.GO_PANIC, s.kind());
        assertEquals("runtime error: invalid memory address or nil pointer dereference", s.message());
        assertEquals("cart.go:17", s.location());
        assertEquals("main.(*Cart).Total", s.function());
        assertTrue(s.uncaught());
    }

    @Test
    void aPanicNetHttpRecoveredIsNotUncaught() {
        CrashSignature s = detect("""
                2026/05/05 10:00:01 http: panic serving 10.0.0.1:51234: runtime error: index out of range [5] with length 2
                goroutine 7 [running]:
                main.colorHandler(...)
                \t/app/main.go:61 +0x1c
                """);
        assertEquals("runtime error: index out of range [5] with length 2", s.message());
        assertEquals("main.go:61", s.location());
        assertFalse(s.uncaught());
    }

    @Test
    void javaTakesTheRootCauseAndItsFirstApplicationFrame() {
        CrashSignature s = detect("""
                2026-05-05T10:00:02.000Z ERROR 1 --- [exec-1] c.e.OrderController : order failed
                java.lang.IllegalStateException: could not place order
                \tat com.example.OrderService.place(OrderService.java:42)
                Caused by: java.lang.NullPointerException: Cannot invoke "Cart.items()" because "cart" is null
                \tat java.util.Objects.requireNonNull(Objects.java:233)
                \tat com.example.CartService.total(CartService.java:17)
                \t... 12 more
                """);
        assertEquals(CrashKind.JAVA_EXCEPTION, s.kind());
        assertEquals("java.lang.NullPointerException", s.exception());
        assertEquals("Cannot invoke \"Cart.items()\" because \"cart\" is null", s.message());
        assertEquals("CartService.java:17", s.location());
        assertEquals("com.example.CartService.total", s.function());
        assertFalse(s.uncaught());
        assertTrue(detect("""
                Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
                \tat com.example.ReportCache.put(ReportCache.java:20)
                """).uncaught());
    }

    @Test
    void pythonTakesTheInnermostApplicationFrame() {
        CrashSignature s = detect("""
                Traceback (most recent call last):
                  File "/app/app.py", line 12, in handle
                    return checkout(cart)
                  File "/app/checkout.py", line 42, in checkout
                    total = cart["items"]
                  File "/usr/local/lib/python3.12/site-packages/requests/api.py", line 59, in get
                    return request("get", url)
                KeyError: 'items'
                """);
        assertEquals(CrashKind.PYTHON_TRACEBACK, s.kind());
        assertEquals("KeyError", s.exception());
        assertEquals("'items'", s.message());
        assertEquals("checkout.py:42", s.location());
        assertEquals("checkout", s.function());
        assertTrue(s.uncaught());
    }

    @Test
    void nodeSkipsDependencyFrames() {
        CrashSignature s = detect("""
                TypeError: Cannot read properties of undefined (reading 'id')
                    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)
                    at getUser (/app/src/users.js:42:13)
                """);
        assertEquals(CrashKind.NODE_ERROR, s.kind());
        assertEquals("TypeError", s.exception());
        assertEquals("users.js:42", s.location());
        assertEquals("getUser", s.function());
    }

    @Test
    void singleLineFatalMessagesAndOrdinaryErrors() {
        CrashSignature segfault = detect("2026-05-05T10:00:01Z FATAL worker crashed: Segmentation fault (core dumped)");
        assertEquals(CrashKind.FATAL_MESSAGE, segfault.kind());
        assertEquals("segmentation fault", segfault.exception());
        assertNull(detect("2026-05-05T10:00:01Z ERROR payment declined for order 42"));
        assertNull(detect("2026-05-05T10:00:01Z INFO cache refreshed"));
    }
}
