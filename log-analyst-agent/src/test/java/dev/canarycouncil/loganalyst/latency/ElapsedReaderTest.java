package dev.canarycouncil.loganalyst.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.DurationUnit;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durations as frameworks write them. Most lines are taken from the bundled format samples
 * (docs/log-formats.md: each written from the framework's documented output); the last test reads
 * the samples themselves.
 */
class ElapsedReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            logrus § time="2026-01-01T00:00:05Z" level=info msg="request handled" duration_ms=3.1 method=GET path=/carts/7 status=200 § false § 3.1
            slog text § time=2026-01-01T00:00:03.903Z level=INFO msg=request method=GET path=/healthz status=200 dur=152µs ip=10.244.0.1 § false § 0.152
            zerolog § {"level":"info","method":"POST","path":"/v1/charges","status":201,"duration_ms":412.7,"time":"2026-01-01T00:00:05Z","message":"request"} § false § 412.7
            winston § {"level":"warn","message":"inventory reservation slow","orderId":"ord_50013","durationMs":1840,"timestamp":"2026-01-01T00:00:05.823Z"} § false § 1840
            klog § I0101 00:00:03.901275       1 refresher.go:58] "Refreshed price list" items=1832 duration="388.6ms" § false § 388.6
            zap console § 2026-01-01T00:00:05.318Z	WARN	pick/planner.go:77	slow inventory lookup	{"orderId": 50013, "elapsed": "1.204s"} § false § 1204
            go compound § time=2026-01-01T00:00:03.128Z level=INFO msg="price cache loaded" entries=18240 took=1m2.5s § false § 62500
            rails § I, [2026-01-01T00:00:07.115568 #1]  INFO -- : [73ab4876] Completed 200 OK in 12ms (Views: 0.9ms | ActiveRecord: 3.1ms | Allocations: 4012) § false § 12
            serilog § [00:00:05 INF] HTTP GET /healthz responded 200 in 1.2034 ms § false § 1.2034
            tower fmt § 2026-01-01T00:00:15.254212Z  INFO request{method=GET uri=/cart/7 version=HTTP/1.1}: tower_http::trace::on_response: finished processing request latency=3 ms status=200 § false § 3
            tower json § {"timestamp":"2026-01-01T00:00:05.143130Z","level":"INFO","fields":{"message":"finished processing request","latency":"38 ms","status":200}} § false § 38
            celery § [2026-01-01 00:00:07,982: INFO/ForkPoolWorker-2] Task billing.tasks.generate_pdf[d23f0824] succeeded in 0.7715012249999994s: 's3://billing-invoices/x.pdf' § false § 771.5012
            node callback § delivered event 8812 (order.created) to https://hooks.partner-a.example/orders -> 204 in 132ms § false § 132
            aspnetcore § info: Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished HTTP/1.1 GET http://catalog/api/items/7 - 200 - application/json;+charset=utf-8 12.3456ms § false § 12.3456
            haproxy § 10.0.0.6:40112 [01/Jan/2026:00:00:08.017] http-in app/web3 0/0/1/24/25 201 644 - - ---- 4/4/1/0/0 0/0 "POST /api/cart/items HTTP/1.1" § true § 25
            envoy istio § [2026-01-01T00:00:07.123Z] "GET /cart HTTP/1.1" 200 - via_upstream - "-" 0 512 3 2 "-" "curl/8.5.0" "6c1f2d1e" "cart:8080" "10.0.1.7:8080" § true § 3
            envoy default § [2026-01-01T00:00:07.123Z] "GET /cart HTTP/1.1" 200 - 0 512 41 40 "-" "curl/8.5.0" "6c1f2d1e" "cart:8080" "10.0.1.7:8080" § true § 41
            nginx $request_time § 10.244.0.88 - - [05/May/2026:09:59:12 +0000] "GET /api/products/ HTTP/1.1" 200 1016 "-" "python-requests/2.32.3" 0.108 § true § 108
            morgan dev § GET /api/cart/7 200 12.345 ms - 512 § true § 12.345
            morgan tiny § GET /api/cart/7 200 512 - 3.456 ms § true § 3.456
            """)
    void readsTheDurationInMilliseconds(String framework, String line, boolean access, double millis) {
        Optional<Elapsed> read = ElapsedReader.read(line, access);
        assertTrue(read.isPresent(), framework + ": " + line);
        assertEquals(DurationUnit.MILLISECONDS, read.get().unit(), framework);
        assertEquals(millis, read.get().amount(), 1e-3, framework);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zap json (seconds)    | {"level":"info","ts":1767225603.5193362,"msg":"request","status":200,"duration":0.003412117} | 0.003412117
            slog json (ns)        | {"time":"2026-01-01T00:00:04.966764409Z","level":"INFO","msg":"request","status":201,"duration":48210977} | 48210977
            lograge (ms)          | I, [2026-01-01T00:00:07.114718 #1]  INFO -- : [045f21da] method=GET path=/orders/7 status=200 allocations=4012 duration=12.34 view=0.91 db=3.12 | 12.34
            serilog compact json  | {"@t":"2026-01-01T00:00:06.7090027Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","StatusCode":200,"Elapsed":158.3306} | 158.3306
            """)
    void keepsBareNumbersUnitlessRatherThanGuessing(String framework, String line, double amount) {
        Elapsed read = ElapsedReader.read(line, false).orElseThrow();
        assertEquals(DurationUnit.UNSTATED, read.unit(), framework);
        assertEquals(amount, read.amount(), 1e-9, framework);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SEVERE: Upload failed (attempt 1/3), retrying in 5 s",
                "2026/01/01 00:00:03 polling job queue redis://redis:6379/0 every 2s",
                "      Authenticated against ERP as svc-inventory-sync, token valid for 3600 s",
                "2026-01-01T00:00:01Z INFO scheduled the export in 2026-01-02 batch",
                "level=info msg=\"cache warmed\" entries=1832 items=12",
                "2026-01-01T00:00:05Z INFO moved 12 items in 3 stages",
            })
    void findsNoDurationWhereNoneIsStated(String line) {
        assertEquals(Optional.empty(), ElapsedReader.read(line, false), line);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.5 - - [01/Jan/2026:00:00:11 +0000] \"GET / HTTP/1.1\" 200 4187 \"-\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" \"203.0.113.24\"",
                "10.244.0.31 - - [01/Jan/2026:00:00:06 +0000] \"GET /prices/CHAIR-8 HTTP/1.1\" 200 63 \"-\" \"python-requests/2.32.3\"",
                "INFO:     10.244.0.31:51247 - \"GET /items/7 HTTP/1.1\" 200 OK",
                "10.0.0.5:51238 [01/Jan/2026:00:00:08.930] http-in app/web1 0/0/0/-1/2 504 233 - - sH-- 4/4/0/0/0 0/0 \"GET /x HTTP/1.1\"",
            })
    void defaultAccessLogFormatsStateNoDurationAndNoneIsMadeUp(String line) {
        // nginx's and gunicorn's default formats have no request time; HAProxy's -1 is an aborted request.
        Optional<Elapsed> read = ElapsedReader.read(line, true);
        assertTrue(read.isEmpty() || line.contains("/-1/") && read.get().amount() == 2, line + " -> " + read);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "go-logrus",
                "go-slog",
                "go-zap",
                "go-zerolog",
                "klog",
                "ruby-rails",
                "ruby-lograge",
                "dotnet-serilog",
                "rust-tracing-fmt",
                "rust-tracing-json",
                "python-celery",
                "haproxy",
                "envoy-istio-access",
                "node-pino"
            })
    void theBundledSamplesOfFrameworksThatLogDurationsYieldThem(String format) throws Exception {
        int lines = 0;
        int timed = 0;
        try (InputStream in = getClass()
                        .getResourceAsStream("/dev/canarycouncil/loganalyst/formats/samples/" + format + ".log");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (ElapsedReader.read(line, line.contains(" HTTP/")).isPresent()) {
                    timed++;
                }
            }
        }
        assertTrue(timed >= 3, format + ": " + timed + " of " + lines + " lines state a duration");
    }
}
