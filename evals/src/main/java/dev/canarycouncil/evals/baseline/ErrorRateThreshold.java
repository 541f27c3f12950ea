package dev.canarycouncil.evals.baseline;

import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.PromQlReader;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.TimeWindow;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline most Argo Rollouts users run: one Prometheus AnalysisTemplate whose
 * {@code successCondition} holds the canary's 5xx ratio under a fixed threshold. It sees no logs,
 * no pod states and no stable side. No traffic means no result, which Argo counts as an
 * inconclusive measurement.
 */
public final class ErrorRateThreshold {

    public static final String NAME = "argo-5xx-threshold";
    public static final double DEFAULT_THRESHOLD = 0.05;

    private final double threshold;

    public ErrorRateThreshold(double threshold) {
        this.threshold = threshold;
    }

    /** Asks the case's MCP server, as the Argo template would ask Prometheus, at the window's end. */
    public Decision judge(McpToolClient tools, String canaryHash, TimeWindow window) {
        long seconds =
                Math.max(60, Duration.between(window.start(), window.end()).toSeconds());
        String selector = "rollouts_pod_template_hash=\"" + canaryHash + "\"";
        String query = String.format(
                Locale.ROOT,
                "sum(increase(http_requests_total{%s,code=~\"5..\"}[%ds])) / "
                        + "sum(increase(http_requests_total{%s}[%ds]))",
                selector,
                seconds,
                selector,
                seconds);
        double ratio;
        try {
            ratio = PromQlReader.single(tools.call(
                            "promql_query",
                            Map.of("query", query, "time", window.end().toString())))
                    .orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Decision.INCONCLUSIVE;
        }
        if (Double.isNaN(ratio)) {
            return Decision.INCONCLUSIVE;
        }
        return ratio < threshold ? Decision.PROMOTE : Decision.ROLLBACK;
    }
}
