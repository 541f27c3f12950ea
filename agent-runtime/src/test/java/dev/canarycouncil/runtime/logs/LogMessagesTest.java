package dev.canarycouncil.runtime.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogMessagesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "time=\"2026-05-05T10:00:01Z\" level=error msg=\"charge failed\" error=\"context deadline exceeded\" order=1 | charge failed: context deadline exceeded",
                "{\"ts\":\"2026-05-05T10:00:01Z\",\"level\":\"error\",\"msg\":\"db down\"} | db down",
                "2026-05-05T10:00:01.123Z ERROR 1 --- [nio-8080-exec-1] c.e.OrderController      : order failed | order failed",
                "2026-05-05 10:00:01,123 ERROR payment declined for order 42 | payment declined for order 42",
                "panic: runtime error: index out of range [3] with length 3 | panic: runtime error: index out of range [3] with length 3"
            })
    void quotesTheMessageWithoutItsDecoration(String line, String expected) {
        assertEquals(expected, LogMessages.message(line));
    }
}
