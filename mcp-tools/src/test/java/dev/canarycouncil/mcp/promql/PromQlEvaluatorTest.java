package dev.canarycouncil.mcp.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.promql.Value.InstantVector;
import dev.canarycouncil.mcp.promql.Value.Sample;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values computed by hand with Prometheus 2.x semantics. */
class PromQlEvaluatorTest {

    private static final long S = 1000;

    private static Labels labels(String name, String... kv) {
        java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
        m.put(Labels.NAME, name);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Labels.of(m);
    }

    /** A counter growing by 10 every 15 s from 0 at t=0 to t=300 s: 2/3 per second. */
    private static SeriesStore steadyCounter() {
        SeriesStore.Builder b = new SeriesStore.Builder();
        for (long t = 0; t <= 300; t += 15) {
            b.add(labels("requests_total", "pod", "a"), t * S, t / 15 * 10.0);
        }
        return b.build();
    }

    private static double single(Value v) {
        List<Sample> samples = ((InstantVector) v).samples();
        assertEquals(1, samples.size(), samples::toString);
        return samples.get(0).value();
    }

    @Test
    void rateOfASteadyCounterIsExactWhenSamplesSitOnTheRangeBoundaries() {
        PromQlEvaluator e = new PromQlEvaluator(steadyCounter());
        assertEquals(2.0 / 3, single(e.instant("rate(requests_total[1m])", 300 * S)), 1e-9);
    }

    @Test
    void rateExtrapolatesTowardsBoundariesBetweenSamples() {
        // At 307.5 s the range holds 255..300 s: 30 over 45 s, extrapolated by 7.5 s on each side.
        PromQlEvaluator e = new PromQlEvaluator(steadyCounter());
        assertEquals(2.0 / 3, single(e.instant("rate(requests_total[1m])", 307_500)), 1e-9);
        assertEquals(40, single(e.instant("increase(requests_total[1m])", 307_500)), 1e-9);
    }

    @Test
    void increaseCorrectsForACounterReset() {
        SeriesStore.Builder b = new SeriesStore.Builder();
        double[] values = {0, 10, 20, 5, 15};
        for (int i = 0; i < values.length; i++) {
            b.add(labels("c_total"), i * 15 * S, values[i]);
        }
        PromQlEvaluator e = new PromQlEvaluator(b.build());
        assertEquals(35, single(e.instant("increase(c_total[1m])", 60 * S)), 1e-9);
    }

    @Test
    void rateNeedsTwoSamples() {
        SeriesStore.Builder b = new SeriesStore.Builder();
        b.add(labels("c_total"), 0, 1);
        assertTrue(((InstantVector) new PromQlEvaluator(b.build()).instant("rate(c_total[1m])", 30 * S))
                .samples()
                .isEmpty());
    }

    @Test
    void histogramQuantileInterpolatesWithinBuckets() {
        SeriesStore.Builder b = new SeriesStore.Builder();
        b.add(labels("lat_bucket", "le", "0.1"), 0, 50);
        b.add(labels("lat_bucket", "le", "0.5"), 0, 90);
        b.add(labels("lat_bucket", "le", "+Inf"), 0, 100);
        PromQlEvaluator e = new PromQlEvaluator(b.build());
        assertEquals(0.1, single(e.instant("histogram_quantile(0.5, lat_bucket)", 0)), 1e-9);
        assertEquals(0.3, single(e.instant("histogram_quantile(0.7, lat_bucket)", 0)), 1e-9);
        assertEquals(0.5, single(e.instant("histogram_quantile(0.9, lat_bucket)", 0)), 1e-9);
        // Past the last finite bucket, Prometheus answers that bucket's upper bound.
        assertEquals(0.5, single(e.instant("histogram_quantile(0.95, lat_bucket)", 0)), 1e-9);
    }

    private static SeriesStore twoPods() {
        SeriesStore.Builder b = new SeriesStore.Builder();
        b.add(labels("a", "job", "x", "pod", "1"), 0, 10);
        b.add(labels("a", "job", "x", "pod", "2"), 0, 20);
        b.add(labels("b", "job", "x", "pod", "1"), 0, 2);
        b.add(labels("total", "job", "x"), 0, 2);
        return b.build();
    }

    @Test
    void aggregatesByAndWithout() {
        PromQlEvaluator e = new PromQlEvaluator(twoPods());
        assertEquals(30, single(e.instant("sum(a)", 0)));
        assertEquals(15, single(e.instant("avg by (job) (a)", 0)));
        assertEquals(20, single(e.instant("max without (pod) (a)", 0)));
        assertEquals(2, single(e.instant("count(a)", 0)));
        assertEquals(1, single(e.instant("topk(1, a)", 0)) / 20, 1e-9);
    }

    @Test
    void matchesVectorsOneToOneAndManyToOne() {
        PromQlEvaluator e = new PromQlEvaluator(twoPods());
        InstantVector ratio = (InstantVector) e.instant("a / b", 0);
        assertEquals(1, ratio.samples().size());
        assertEquals(5, ratio.samples().get(0).value());
        assertEquals(
                Map.of("job", "x", "pod", "1"), ratio.samples().get(0).labels().map());
        List<Sample> shares = ((InstantVector) e.instant("a / on(job) group_left total", 0))
                .samples().stream()
                        .sorted(Comparator.comparingDouble(Sample::value))
                        .toList();
        assertEquals(List.of(5.0, 10.0), shares.stream().map(Sample::value).toList());
        PromQlException manyToMany = assertThrows(PromQlException.class, () -> e.instant("a / on(job) total", 0));
        assertTrue(manyToMany.getMessage().contains("group_left"), manyToMany.getMessage());
    }

    @Test
    void comparisonsFilterOrReturnBooleans() {
        PromQlEvaluator e = new PromQlEvaluator(twoPods());
        InstantVector filtered = (InstantVector) e.instant("a > 15", 0);
        assertEquals(1, filtered.samples().size());
        assertEquals("a", filtered.samples().get(0).labels().get(Labels.NAME));
        InstantVector bools = (InstantVector) e.instant("a > bool 15", 0);
        assertEquals(
                List.of(0.0, 1.0),
                bools.samples().stream().map(Sample::value).sorted().toList());
        assertEquals(3, single(e.instant("sum(a) / 10", 0)));
        assertEquals(-4, ((Value.Scalar) e.instant("-2 ^ 2", 0)).value());
        assertEquals(2, ((InstantVector) e.instant("a or b", 0)).samples().size());
        assertEquals(1, ((InstantVector) e.instant("a unless b", 0)).samples().size());
    }

    @Test
    void instantSelectorsLookBackFiveMinutesAndHonourOffset() {
        PromQlEvaluator e = new PromQlEvaluator(steadyCounter());
        assertEquals(200, single(e.instant("requests_total", 599 * S)));
        assertTrue(
                ((InstantVector) e.instant("requests_total", 601 * S)).samples().isEmpty());
        assertEquals(190, single(e.instant("requests_total offset 15s", 300 * S)));
        assertEquals(1, single(e.instant("requests_total{pod=~\"a|b\"}", 300 * S)) / 200);
        assertTrue(((InstantVector) e.instant("requests_total{pod!~\"a\"}", 300 * S))
                .samples()
                .isEmpty());
    }

    @Test
    void rangeQueriesStepThroughTime() {
        PromQlEvaluator e = new PromQlEvaluator(steadyCounter());
        List<Value.Range> series = e.range("rate(requests_total[1m])", 60 * S, 300 * S, 60 * S);
        assertEquals(1, series.size());
        assertEquals(5, series.get(0).size());
        for (double v : series.get(0).values()) {
            assertEquals(2.0 / 3, v, 1e-9);
        }
    }

    @Test
    void explainsWhatItCannotParseOrEvaluate() {
        PromQlEvaluator e = new PromQlEvaluator(steadyCounter());
        assertTrue(assertThrows(PromQlException.class, () -> e.instant("sum(rate(x[5m])", 0))
                .getMessage()
                .contains("expected ')'"));
        assertTrue(assertThrows(PromQlException.class, () -> e.instant("rate(requests_total)", 0))
                .getMessage()
                .contains("range vector"));
        assertTrue(assertThrows(
                        PromQlException.class,
                        () -> e.instant("label_replace(requests_total, \"a\", \"b\", \"c\", \"d\")", 0))
                .getMessage()
                .contains("not supported"));
        assertTrue(assertThrows(PromQlException.class, () -> e.instant("{pod=~\".*\"}", 0))
                .getMessage()
                .contains("does not match the empty string"));
        assertTrue(assertThrows(PromQlException.class, () -> e.instant("x[5m:1m]", 0))
                .getMessage()
                .contains("subqueries"));
    }
}
