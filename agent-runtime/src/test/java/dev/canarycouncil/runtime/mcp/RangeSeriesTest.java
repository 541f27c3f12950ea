package dev.canarycouncil.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeSeriesTest {

    @Test
    void pointsKeepPrometheusSpecialValuesAndDropNaN() throws Exception {
        // histogram_quantile answers +Inf when every observation is above the last finite bucket.
        JsonNode data = Json.mapper().readTree("""
                {"resultType":"matrix","result":[{"metric":{},"values":[[100,"0.25"],[130,"NaN"],[160,"+Inf"]]}]}""");
        List<double[]> points = RangeSeries.points(data);
        assertEquals(2, points.size());
        assertEquals(0.25, points.get(0)[1]);
        assertEquals(Double.POSITIVE_INFINITY, points.get(1)[1]);
        assertEquals(160, points.get(1)[0]);
    }

    @Test
    void aSummaryNamesTheMedianAndTheRange() {
        assertEquals(
                "median 2.000 (min 1.000, max 3.000, 3 points)",
                RangeSeries.summary(List.of(new double[] {1, 3}, new double[] {2, 1}, new double[] {3, 2})));
        assertEquals("no data", RangeSeries.summary(List.of()));
    }
}
