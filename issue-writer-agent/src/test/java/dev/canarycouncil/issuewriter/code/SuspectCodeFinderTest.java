package dev.canarycouncil.issuewriter.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The clue extraction behind the code lookup, without a server. */
class SuspectCodeFinderTest {

    @Test
    void namesAreShortenedTheWayCodeDeclaresThem() {
        assertEquals("getColor", SuspectCodeFinder.shortName("main.getColor"));
        assertEquals("current", SuspectCodeFinder.shortName("main.(*palette).current"));
        assertEquals("put", SuspectCodeFinder.shortName("com.example.reports.ReportCache.put"));
        assertEquals("charge", SuspectCodeFinder.shortName("charge"));
    }

    @Test
    void aMessageIsSearchedByItsLiteralStart() {
        assertEquals(
                "charge failed",
                CodeClues.constantPart(
                        "charge failed: context deadline exceeded calling payments:8080/v1/charge after <*> order=<*>"));
        assertEquals("cannot load the price list", CodeClues.constantPart("cannot load the price list <*>"));
        assertNull(CodeClues.constantPart("<*> failed"), "too short to point at anything");
    }

    @Test
    void stackFramesOfEveryRuntimeAreRead() {
        List<SourceFrame> go = StackFrames.parse(
                "panic: x\n\ngoroutine 1 [running]:\nmain.getColor(...)\n\t/app/main.go:42\n"
                        + "runtime.goexit()\n\t/usr/local/go/src/runtime/asm_amd64.s:1700\nmain.(*palette).current(0xc0)\n\t/app/main.go:26 +0x1b");
        assertEquals(List.of("/app/main.go:42 main.getColor", "/app/main.go:26 main.(*palette).current"), names(go));

        List<SourceFrame> java =
                StackFrames.parse("java.lang.IllegalStateException: x\n\tat java.util.HashMap.put(HashMap.java:1)\n"
                        + "\tat com.example.Cart.total(Cart.java:42)");
        assertEquals(List.of("Cart.java:42 com.example.Cart.total"), names(java));
        assertEquals("com/example/Cart.java", java.get(0).jvmSourcePath());

        List<SourceFrame> python = StackFrames.parse(
                "Traceback (most recent call last):\n  File \"/app/server.py\", line 10, in handle\n"
                        + "  File \"/usr/lib/python3.12/json/__init__.py\", line 3, in loads\n  File \"/app/prices.py\", line 7, in price\nKeyError: 'sku'");
        assertEquals(List.of("/app/prices.py:7 price", "/app/server.py:10 handle"), names(python));

        List<SourceFrame> node =
                StackFrames.parse("TypeError: x\n    at total (/app/src/cart.js:12:5)\n    at node:internal/x:1:1");
        assertEquals(List.of("/app/src/cart.js:12 total"), names(node));
    }

    private static List<String> names(List<SourceFrame> frames) {
        return frames.stream().map(f -> f.location() + " " + f.function()).toList();
    }

    static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list::toString);
        return list.get(0);
    }
}
