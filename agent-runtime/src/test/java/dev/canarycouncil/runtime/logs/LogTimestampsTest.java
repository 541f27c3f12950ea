package dev.canarycouncil.runtime.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogTimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-05-05T10:00:01Z INFO started|2026-05-05T10:00:01Z",
            "2026-05-05T10:00:01.123Z  INFO 1 --- [main] App : up|2026-05-05T10:00:01.123Z",
            "2026-05-05 10:00:01,250 ERROR [worker] failed|2026-05-05T10:00:01.250Z",
            "2026-05-05T12:00:01+02:00 level=info|2026-05-05T10:00:01Z",
            "2026-05-05T12:00:01.5+0200 level=info|2026-05-05T10:00:01.500Z",
            "2026-05-05T05:00:01-05:00 warn|2026-05-05T10:00:01Z",
            "2026-05-05T10:00:01.123456789123Z nanos beyond nine digits are dropped|2026-05-05T10:00:01.123456789Z",
            "[2026-05-05T10:00:01Z] [INFO] bracketed|2026-05-05T10:00:01Z",
            "time=\"2026-05-05T10:00:01Z\" level=info msg=up|2026-05-05T10:00:01Z",
            "time=2026-05-05T10:00:01.042Z level=info msg=up|2026-05-05T10:00:01.042Z",
            "2026/05/05 10:00:01 http: panic serving 10.0.0.1:1234|2026-05-05T10:00:01Z",
            "2026/05/05 10:00:01.000250 listening|2026-05-05T10:00:01.000250Z",
            "10.0.0.1 - - [05/May/2026:12:00:01 +0200] \"GET / HTTP/1.1\" 200 5|2026-05-05T10:00:01Z",
    })
    void readsTheLeadingTimestampOfEveryCommonFormat(String line, String expected) {
        assertEquals(Instant.parse(expected), LogTimestamps.leading(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no timestamp here", "2026-13-05T10:00:01Z month thirteen", "2026-05-05T25:00:01Z",
            "2026-05-05X10:00:01Z", "2026-05-05T10:00", "2026/05/05T10:00:01 Go's form has no T", "  at com.example.Foo(Foo.java:1)",
            "1234-5 not a date"})
    void answersNullForLinesWithoutARealTimestamp(String line) {
        assertNull(LogTimestamps.leading(line));
    }
}
