package dev.canarycouncil.mcp.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTextReaderTest {

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tailKeepsTheLastLinesWithoutCallingItTruncation() throws Exception {
        LogTextReader.Result r = LogTextReader.read(text("a\nb\nc\nd\n"), null, 2, 1000);
        assertEquals("c\nd\n", r.text());
        assertFalse(r.truncated());
    }

    @Test
    void aByteLimitKeepsTheNewestLinesAndSaysSo() throws Exception {
        LogTextReader.Result r = LogTextReader.read(text("line-1\nline-2\nline-3\n"), null, null, 14);
        assertEquals("line-2\nline-3\n", r.text());
        assertTrue(r.truncated());
    }

    @Test
    void sinceKeepsContinuationLinesWithTheirEvent() throws Exception {
        String log = """
                2026-05-05T10:00:00Z old line
                2026-05-05T10:05:00Z Exception in thread main
                \tat com.example.A.b(A.java:3)
                time="2026-05-05T10:06:00Z" level=info msg=later
                """;
        LogTextReader.Result r = LogTextReader.read(text(log), Instant.parse("2026-05-05T10:01:00Z"), null, 10_000);
        assertEquals(3, r.lineCount());
        assertTrue(r.text().contains("at com.example.A.b"));
        assertFalse(r.text().contains("old line"));
    }

    @Test
    void sinceKeepsLinesThatCannotBePlacedInTime() throws Exception {
        String aspNetCore = """
                info: Microsoft.Hosting.Lifetime[14]
                      Now listening on: http://[::]:8080
                fail: Shop.Api.CartController[0]
                      Cart total failed
                """;
        LogTextReader.Result r =
                LogTextReader.read(text(aspNetCore), Instant.parse("2026-05-05T10:01:00Z"), null, 10_000);
        assertEquals(4, r.lineCount(), "a log without timestamps is kept whole, not dropped as if it were old");

        String entrypointThenAccess = """
                /docker-entrypoint.sh: Configuration complete; ready for start up
                10.0.0.5 - - [05/May/2026:10:00:30 +0000] "GET / HTTP/1.1" 200 5 "-" "curl"
                10.0.0.5 - - [05/May/2026:10:02:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl"
                """;
        r = LogTextReader.read(text(entrypointThenAccess), Instant.parse("2026-05-05T10:01:00Z"), null, 10_000);
        assertEquals(
                "/docker-entrypoint.sh: Configuration complete; ready for start up\n"
                        + "10.0.0.5 - - [05/May/2026:10:02:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"\n",
                r.text());
    }

    @Test
    void invalidUtf8IsReplacedAndAnEndlessLineIsCut() throws Exception {
        byte[] bad = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertEquals(
                "ok\n\uFFFD(\n",
                LogTextReader.read(new ByteArrayInputStream(bad), null, null, 100)
                        .text());
        byte[] huge = new byte[5_000_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        LogTextReader.Result r = LogTextReader.read(new ByteArrayInputStream(huge), null, null, 1024);
        assertEquals(1, r.lineCount());
        assertTrue(r.text().length() <= 1024);
        assertTrue(r.truncated());
    }

    @Test
    void readsTheTimestampFormatsServicesWrite() {
        assertEquals(
                Instant.parse("2026-05-05T10:00:01.123Z"),
                LogTimestamps.leading("2026-05-05T10:00:01.123Z  INFO 1 --- [main] x : y"));
        assertEquals(
                Instant.parse("2026-05-05T10:00:01.123Z"),
                LogTimestamps.leading("2026-05-05 10:00:01,123 INFO app: y"));
        assertEquals(Instant.parse("2026-05-05T08:00:01Z"), LogTimestamps.leading("2026-05-05T10:00:01+02:00 x"));
        assertEquals(
                Instant.parse("2026-05-05T10:00:01Z"),
                LogTimestamps.leading("time=\"2026-05-05T10:00:01Z\" level=info"));
        assertEquals(
                Instant.parse("2026-05-05T10:00:01Z"),
                LogTimestamps.leading("10.0.0.1 - - [05/May/2026:10:00:01 +0000] \"GET / HTTP/1.1\" 200 5"));
        assertEquals(
                Instant.parse("2026-05-05T10:00:01.5Z"),
                LogTimestamps.leading("2026/05/05 10:00:01.5 http: panic serving"));
        assertEquals(null, LogTimestamps.leading("\tat com.example.A.b(A.java:3)"));
    }
}
