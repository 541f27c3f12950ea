package dev.canarycouncil.runtime.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogTimestampsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
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
                "10.0.0.5 - - [01/Jan/2026 00:00:07] \"GET /quotes/7 HTTP/1.1\" 200 -|2026-01-01T00:00:07Z",
                "[01/Jan/2026 00:00:07] \"GET /cart/ HTTP/1.1\" 200 1534|2026-01-01T00:00:07Z",
                "10.0.0.5:51234 [01/Jan/2026:00:00:07.123] http-in app/web1 0/0/1/3/4 200 512|2026-01-01T00:00:07.123Z",
                "I, [2026-01-01T00:00:07.123456 #1]  INFO -- : [8f3e] Started GET \"/orders/7\"|2026-01-01T00:00:07.123456Z",
                "[2026-01-01 02:00:07 +0200] [1] [INFO] Starting gunicorn 22.0.0|2026-01-01T00:00:07Z",
                "[2026-01-01 00:00:07,123: INFO/MainProcess] Task tasks.send_invoice received|2026-01-01T00:00:07.123Z",
                "[01-Jan-2026 00:00:07] NOTICE: fpm is running, pid 1|2026-01-01T00:00:07Z",
                "[Thu Jan 01 00:00:07.123456 2026] [proxy:error] [pid 12:tid 34] (111)Connection refused|2026-01-01T00:00:07.123456Z",
                "Jan 01, 2026 12:00:07 AM com.example.orders.OrderService place|2026-01-01T00:00:07Z",
                "Jan 01, 2026 1:05:07 PM com.example.orders.OrderService place|2026-01-01T13:05:07Z",
                "[2026-01-01 00:00:06.123][15][warning][config] gRPC config stream closed|2026-01-01T00:00:06.123Z",
                "10.244.0.31 -  01/Jan/2026:02:00:06 +0200 \"GET /index.php\" 200|2026-01-01T00:00:06Z",
                "ERROR 2026-01-01 00:00:06,003 log 8 140156712621760 Invalid HTTP_HOST header|2026-01-01T00:00:06.003Z",
                "WARNING  2026-01-01 00:00:06 views Not Found: /cart/items/99/|2026-01-01T00:00:06Z",
            })
    void readsTheLeadingTimestampOfEveryCommonFormat(String line, String expected) {
        assertEquals(Instant.parse(expected), LogTimestamps.leading(line));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "no timestamp here",
                "2026-13-05T10:00:01Z month thirteen",
                "2026-05-05T25:00:01Z",
                "2026-05-05X10:00:01Z",
                "2026-05-05T10:00",
                "2026/05/05T10:00:01 Go's form has no T",
                "  at com.example.Foo(Foo.java:1)",
                "1234-5 not a date",
                "Jan 1 2026 not JUL",
                "[01/Foo/2026 00:00:07] no month",
                "Jan  1 00:00:07 yearless"
            })
    void answersNullForLinesWithoutARealTimestamp(String line) {
        assertNull(LogTimestamps.leading(line));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I0101 00:00:07.123456       1 controller.go:142] \"Starting workers\"|2026-01-01T00:00:07.123456Z",
                "E1231 23:59:59.000001       1 reflector.go:9] failed|2026-12-31T23:59:59.000001Z",
                "Jan  1 00:00:07 haproxy[12]: Proxy http-in started.|2026-01-01T00:00:07Z",
                "Dec 31 23:59:59 host app: message|2026-12-31T23:59:59Z",
            })
    void datesWithoutAYearTakeTheYearTheCallerGivesAndAreNotLeadingTimestampsAlone(String line, String expected) {
        assertEquals(Instant.parse(expected), LogTimestamps.find(line, 2026).instant());
        assertNull(LogTimestamps.leading(line), "without a year given, a yearless date is no timestamp");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-01-01T00:00:07.123Z  INFO 1 --- x|24",
                "[2026-01-01T00:00:07Z] [INFO] x|22",
                "time=\"2026-01-01T00:00:07Z\" level=info|26",
                "2026/01/01 00:00:07 [error] 29#29: x|19",
                "I, [2026-01-01T00:00:07.123456 #1]  INFO -- : x|34",
                "[01/Jan/2026 00:00:07] \"GET / HTTP/1.1\" 200 1|22",
            })
    void saysWhereTheTextAfterTheTimestampStarts(String line, int end) {
        assertEquals(end, LogTimestamps.find(line, 0).end());
    }
}
