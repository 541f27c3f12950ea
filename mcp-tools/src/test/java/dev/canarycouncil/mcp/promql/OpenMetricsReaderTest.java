package dev.canarycouncil.mcp.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenMetricsReaderTest {

    private static OpenMetricsReader.Result read(String text) throws Exception {
        return OpenMetricsReader.read(new StringReader(text), "metrics.om");
    }

    @Test
    void readsLabelsWithEscapesSpecialValuesAndSecondsTimestamps() throws Exception {
        OpenMetricsReader.Result r = read("""
                # TYPE http_requests counter
                http_requests_total{path="/a\\"b",code="500"} 12 1704067215
                http_requests_total{path="/a\\"b",code="500"} 13 1704067230.5
                # TYPE lat histogram
                lat_bucket{le="+Inf"} +Inf 1704067215
                lat_sum NaN 1704067215
                # EOF
                """);
        assertEquals(4, r.samples());
        SeriesStore.Series s = r.store()
                .select(List.of(Matcher.of(Labels.NAME, "=", "http_requests_total")))
                .get(0);
        assertEquals("/a\"b", s.labels().get("path"));
        assertEquals(1704067230500L, s.timestamps()[1]);
        assertTrue(Double.isInfinite(
                r.store().select(List.of(Matcher.of("le", "=", "+Inf"))).get(0).values()[0]));
    }

    @Test
    void dropsOutOfOrderSamplesAndCountsThem() throws Exception {
        OpenMetricsReader.Result r = read("x 1 200\nx 2 100\nx 3 300\n");
        assertEquals(1, r.outOfOrderDropped());
        assertEquals(
                2,
                r.store()
                        .select(List.of(Matcher.of(Labels.NAME, "=", "x")))
                        .get(0)
                        .size());
    }

    @Test
    void namesTheLineOfEachProblem() {
        assertTrue(assertThrows(PromQlException.class, () -> read("ok 1 1\nno_timestamp 5\n"))
                .getMessage()
                .startsWith("metrics.om:2: every sample needs a value and a timestamp"));
        assertTrue(assertThrows(PromQlException.class, () -> read("x 1 1704067215000\n"))
                .getMessage()
                .contains("looks like milliseconds"));
        assertTrue(assertThrows(PromQlException.class, () -> read("x{a=\"1\" 1 1\n"))
                .getMessage()
                .startsWith("metrics.om:1:"));
        assertTrue(assertThrows(PromQlException.class, () -> read("x abc 1\n"))
                .getMessage()
                .contains("invalid sample value 'abc'"));
    }
}
