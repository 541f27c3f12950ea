package dev.canarycouncil.mcp.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.kubernetes.LogTextReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading from the place found must give exactly what reading the whole log gives. */
class LogFileSeekTest {

    @TempDir
    Path dir;

    private static final Instant START = Instant.parse("2026-05-05T10:00:00Z");

    /** About 3 MB of Spring Boot lines, several per millisecond-stamped second, with stack traces. */
    private Path log() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        Instant t = START;
        while (text.length() < 3_000_000) {
            t = t.plusMillis(random.nextInt(40));
            text.append(t)
                    .append("  INFO 1 --- [nio-8080-exec-")
                    .append(random.nextInt(20))
                    .append("] c.e.shop.OrderController : order placed\n");
            if (random.nextInt(50) == 0) {
                text.append("java.lang.IllegalStateException: pool exhausted\n")
                        .append("\tat com.example.Pool.take(Pool.java:42)\n");
            }
        }
        Path file = dir.resolve("orders.log");
        Files.writeString(file, text);
        return file;
    }

    private static String read(Path file, Instant since, long skip) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            return LogTextReader.read(in, since, null, 64L << 20).text();
        }
    }

    @Test
    void readingFromTheOffsetGivesTheSameLinesAsReadingFromTheTop() throws IOException {
        Path file = log();
        long size = Files.size(file);
        for (int minutes : new int[] {0, 1, 7, 20, 33, 39, 60}) {
            Instant since = START.plusSeconds(60L * minutes);
            long offset = LogFileSeek.offset(file, since);
            assertEquals(read(file, since, 0), read(file, since, offset), "since minute " + minutes);
            if (minutes >= 7) {
                assertTrue(offset > size / 10, "a late since skips most of the file: " + offset + " of " + size);
            }
        }
    }

    @Test
    void aSmallLogIsReadFromTheTop() throws IOException {
        Path file = dir.resolve("small.log");
        Files.writeString(file, START + " one\n" + START.plusSeconds(5) + " two\n");
        assertEquals(0, LogFileSeek.offset(file, START.plusSeconds(5)));
    }

    @Test
    void aLogWithoutTimestampsIsReadFromTheTop() throws IOException {
        Path file = dir.resolve("uvicorn.log");
        Files.writeString(file, "INFO:     10.0.0.7:50000 - \"GET /health HTTP/1.1\" 200 OK\n".repeat(40_000));
        assertEquals(0, LogFileSeek.offset(file, START));
    }
}
