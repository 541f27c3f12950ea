package dev.canarycouncil.mcp.prometheus;

import java.util.List;
import java.util.Map;

/**
 * The series one selector matches over a time range, as Prometheus' series API finds them.
 *
 * @param selector  the selector asked, e.g. {@code http_requests_total{namespace="shop"}}
 * @param count     how many series match
 * @param series    the label sets of the first of them (at most the limit asked)
 */
public record SeriesMatch(String selector, int count, List<Map<String, String>> series) {

    public SeriesMatch {
        series = List.copyOf(series);
    }
}
