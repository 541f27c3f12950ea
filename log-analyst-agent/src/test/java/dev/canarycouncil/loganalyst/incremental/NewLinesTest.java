package dev.canarycouncil.loganalyst.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.bench.ServiceLogGenerator;
import dev.canarycouncil.mcp.kubernetes.LogTextReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log read call by call, each call fetching through the real log reader from the cursor's time
 * (as the MCP server does), must add up to the log read once: no line twice, none lost. The lines
 * are written as real frameworks write them, with second or millisecond stamps, many lines per
 * second and stack traces whose frames carry no stamp.
 */
class NewLinesTest {

    private static final Instant START = Instant.parse("2026-05-05T10:00:00Z");

    /** How each framework writes one line at a time; second-precision ones put many lines in a second. */
    private static final List<IntFunction<String>> FORMATS = List.of(
            // Spring Boot 3 console
            s -> "2026-05-05T10:" + mmss(s)
                    + ".123Z  INFO 1 --- [nio-8080-exec-1] c.e.orders.OrderController : served order " + s,
            // Python logging's default asctime, a comma before the milliseconds
            s -> "2026-05-05 10:" + mmss(s) + ",004 WARNING app.payments: retrying charge " + s,
            // Go's standard log, second precision
            s -> "2026/05/05 10:" + mmss(s) + " handler: request " + s + " done",
            // logrus text formatter
            s -> "time=\"2026-05-05T10:" + mmss(s) + "Z\" level=error msg=\"upstream timeout\" attempt=" + s,
            // nginx access log
            s -> "10.0.0.7 - - [05/May/2026:10:" + mmss(s) + " +0000] \"GET /api/orders/" + s
                    + " HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
            // Rails' Logger
            s -> "I, [2026-05-05T10:" + mmss(s) + ".000123 #1]  INFO -- : Completed 200 OK in 12ms (order " + s + ")");

    private static String mmss(int second) {
        return String.format("%02d:%02d", second / 60, second % 60);
    }

    /** A log of one format over about ten minutes: bursts in one second, and Java stack traces. */
    private static List<String> log(IntFunction<String> format, Random random) {
        List<String> lines = new ArrayList<>();
        int second = 0;
        while (second < 600) {
            int burst = 1 + random.nextInt(5);
            for (int i = 0; i < burst; i++) {
                lines.add(format.apply(second));
                if (random.nextInt(12) == 0) {
                    lines.add("java.lang.IllegalStateException: pool exhausted");
                    int frames = 1 + random.nextInt(6);
                    for (int f = 0; f < frames; f++) {
                        lines.add("\tat com.example.orders.Pool.take(Pool.java:" + (40 + f) + ")");
                    }
                }
            }
            second += random.nextInt(3);
        }
        return lines;
    }

    private static String text(List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    /** What the MCP server answers for a log fetched from {@code since}. */
    private static LogTextReader.Result fetch(String written, Instant since) throws IOException {
        return LogTextReader.read(
                new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)), since, null, 10_000_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void callByCallAddsUpToTheWholeLogForEachFormat(int format) throws IOException {
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(seed * 31L + format);
            List<String> all = log(FORMATS.get(format), random);
            StringBuilder read = new StringBuilder();
            LogCursor cursor = LogCursor.START;
            int written = 0;
            while (written < all.size()) {
                // The log grows by a random amount between calls, often cutting a stack trace in two.
                written = Math.min(all.size(), written + 1 + random.nextInt(40));
                String sofar = text(all.subList(0, written));
                LogTextReader.Result fetched = fetch(sofar, cursor.resumeFrom().orElse(START));
                NewLines.Result unread = NewLines.after(cursor, fetched.text(), fetched.truncated());
                assertTrue(unread.aligned());
                read.append(unread.text());
                cursor = unread.next();
            }
            assertEquals(text(all), read.toString(), "format " + format + " seed " + seed);
            assertEquals(all.size(), cursor.lines());
        }
    }

    /**
     * Apache's and nginx's {@code %t}/{@code $time_local} are when the request came in, so a slow
     * request's line is written after faster ones with an earlier stamp. Lines up to 90 s out of order,
     * read call by call, must still add up to the whole log.
     */
    @Test
    void accessLinesStampedWhenTheirRequestStartedAreNotLost() throws IOException {
        Random random = new Random(11);
        List<String> all = new ArrayList<>();
        for (int second = 0; second < 1200; second++) {
            int started = random.nextInt(20) == 0 ? Math.max(0, second - random.nextInt(90)) : second;
            all.add("10.0.0." + random.nextInt(9) + " - - [05/May/2026:10:" + mmss(started)
                    + " +0000] \"GET /api/orders/" + second + " HTTP/1.1\" 200 " + random.nextInt(900));
        }
        StringBuilder read = new StringBuilder();
        LogCursor cursor = LogCursor.START;
        for (int written = 0; written < all.size(); ) {
            written = Math.min(all.size(), written + 60);
            LogTextReader.Result fetched =
                    fetch(text(all.subList(0, written)), cursor.resumeFrom().orElse(START));
            NewLines.Result unread = NewLines.after(cursor, fetched.text(), fetched.truncated());
            assertTrue(unread.aligned());
            read.append(unread.text());
            cursor = unread.next();
        }
        assertEquals(text(all), read.toString());
    }

    /** The mixed service log `bench calls` writes (Spring Boot, logfmt, nginx, JSON, stack traces, Go panics). */
    @Test
    void theBenchServiceLogReadMinuteByMinuteAddsUp() throws IOException {
        ServiceLogGenerator generator = new ServiceLogGenerator(5, START, 50);
        StringBuilder written = new StringBuilder();
        StringBuilder read = new StringBuilder();
        LogCursor cursor = LogCursor.START;
        for (int minute = 1; minute <= 15; minute++) {
            written.append(generator.until(START.plusSeconds(60L * minute)));
            LogTextReader.Result fetched =
                    fetch(written.toString(), cursor.resumeFrom().orElse(START));
            NewLines.Result unread = NewLines.after(cursor, fetched.text(), fetched.truncated());
            assertTrue(unread.aligned(), "minute " + minute);
            read.append(unread.text());
            cursor = unread.next();
        }
        assertEquals(written.toString(), read.toString());
    }

    @Test
    void aLogWithoutTimestampsIsReadOnByCountWhileItIsWhole() throws IOException {
        // uvicorn's default access log carries no time at all.
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add("INFO:     10.0.0.7:5000" + (i % 10) + " - \"GET /health HTTP/1.1\" 200 OK");
        }
        StringBuilder read = new StringBuilder();
        LogCursor cursor = LogCursor.START;
        for (int written = 70; ; written = Math.min(all.size(), written + 70)) {
            LogTextReader.Result fetched = fetch(text(all.subList(0, written)), START);
            NewLines.Result unread = NewLines.after(cursor, fetched.text(), fetched.truncated());
            assertTrue(unread.aligned());
            read.append(unread.text());
            cursor = unread.next();
            if (written == all.size()) {
                break;
            }
        }
        assertEquals(text(all), read.toString());
        assertFalse(cursor.timestamped());
    }

    @Test
    void aLogWithoutTimestampsThatWasCutOrReplacedDoesNotLineUp() {
        LogCursor cursor = NewLines.after(LogCursor.START, "a\nb\nc\n", false).next();
        assertFalse(NewLines.after(cursor, "b\nc\nd\n", true).aligned(), "cut to its newest lines");
        assertFalse(NewLines.after(cursor, "x\ny\nz\nw\n", false).aligned(), "another log");
        assertFalse(NewLines.after(cursor, "a\n", false).aligned(), "shorter than what was read");
        NewLines.Result grown = NewLines.after(cursor, "a\nb\nc\nd\n", false);
        assertEquals("d\n", grown.text());
    }

    @Test
    void aTimestampedLogCutToItsNewestLinesReadsWhatItHasAfterTheCursor() throws IOException {
        List<String> all = log(FORMATS.get(0), new Random(7));
        String first = text(all.subList(0, 50));
        LogCursor cursor = NewLines.after(LogCursor.START, first, false).next();
        // The kubelet kept only the newest lines: everything older than the cursor is gone.
        String newest = text(all.subList(all.size() - 20, all.size()));
        NewLines.Result unread = NewLines.after(cursor, newest, true);
        assertTrue(unread.aligned());
        assertEquals(newest, unread.text());
    }
}
