package dev.canarycouncil.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.ToolCallException;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;

/**
 * A first, deliberately simple judgement: the canary's HTTP 5xx ratio over the analysis window
 * against the stable's, from {@code http_requests_total}. Too little canary traffic gives
 * INCONCLUSIVE, not a guess. The metrics-agent issue replaces this with a statistical judge.
 */
public final class ErrorRatioJudge {

    static final long MIN_CANARY_REQUESTS = 100;

    private final String agent;
    private final McpToolClient tools;

    public ErrorRatioJudge(String agent, McpToolClient tools) {
        this.agent = agent;
        this.tools = tools;
    }

    public Finding judge(AnalysisRequest request, Progress progress) {
        List<String> notes = new ArrayList<>();
        long seconds = Math.max(60, request.window().length().toSeconds());
        String at = request.window().end().toString();
        progress.report("querying request and 5xx counts of canary and stable over " + seconds + " s");
        Side canary = side(request, request.canary(), seconds, at, notes);
        Side stable = side(request, request.stable(), seconds, at, notes);
        if (canary == null || canary.requests().isEmpty()) {
            notes.add("no http_requests_total series for the canary (service=" + request.service() + ", hash="
                    + request.canary().podTemplateHash() + ")");
            return new Finding(agent, Decision.INCONCLUSIVE, 0, "No request metrics for the canary.", List.of(), notes);
        }
        double canaryRequests = canary.requests().getAsDouble();
        if (canaryRequests < MIN_CANARY_REQUESTS) {
            return new Finding(agent, Decision.INCONCLUSIVE, 0, String.format(Locale.ROOT,
                    "Too little canary traffic to judge: %.0f requests in the window (at least %d needed).",
                    canaryRequests, MIN_CANARY_REQUESTS), List.of(), notes);
        }
        double canaryRatio = canary.errors() / canaryRequests;
        boolean haveStable = stable != null && stable.requests().isPresent() && stable.requests().getAsDouble() > 0;
        double stableRatio = haveStable ? stable.errors() / stable.requests().getAsDouble() : Double.NaN;
        boolean regressed = haveStable
                ? canaryRatio >= 0.02 && canaryRatio >= 2 * stableRatio + 0.01
                : canaryRatio >= 0.05;
        String test = haveStable
                ? String.format(Locale.ROOT, "canary 5xx ratio %.2f%% vs stable %.2f%%; regression when >= 2%% and >= 2 x stable + 1 point",
                canaryRatio * 100, stableRatio * 100)
                : String.format(Locale.ROOT, "canary 5xx ratio %.2f%%, no stable baseline; regression when >= 5%%", canaryRatio * 100);
        if (!haveStable) {
            notes.add("no stable request metrics; judged the canary against a fixed 5% threshold");
        }
        Evidence evidence = new PromQlEvidence(
                String.format(Locale.ROOT, "HTTP 5xx ratio: canary %.2f%% (%.0f of %.0f requests), stable %s",
                        canaryRatio * 100, canary.errors(), canaryRequests,
                        haveStable ? String.format(Locale.ROOT, "%.2f%%", stableRatio * 100) : "unknown"),
                regressed ? Severity.CRITICAL : Severity.INFO, "5xx-ratio",
                ratioQuery(request, request.canary(), seconds), ratioQuery(request, request.stable(), seconds),
                canaryRatio, haveStable ? stableRatio : null, request.window().start(), request.window().end(), test);
        if (regressed) {
            int confidence = canaryRequests >= 500 ? 85 : 70;
            return new Finding(agent, Decision.ROLLBACK, confidence, evidence.description(), List.of(evidence), notes);
        }
        return new Finding(agent, Decision.PROMOTE, haveStable ? 70 : 55,
                "No 5xx regression on the canary: " + evidence.description(), List.of(evidence), notes);
    }

    private record Side(OptionalDouble requests, double errors) {
    }

    private Side side(AnalysisRequest request, PodGroup group, long seconds, String at, List<String> notes) {
        try {
            OptionalDouble requests = PromQlAnswers.single(tools.call("promql_query",
                    Map.of("query", "sum(increase(" + selector(request, group, null) + "[" + seconds + "s]))", "time", at)));
            OptionalDouble errors = PromQlAnswers.single(tools.call("promql_query",
                    Map.of("query", "sum(increase(" + selector(request, group, "5..") + "[" + seconds + "s]))", "time", at)));
            // A service that never failed often has no 5xx series at all: that is zero errors.
            return new Side(requests, errors.isPresent() ? errors.getAsDouble() : 0);
        } catch (ToolCallException | IllegalArgumentException e) {
            notes.add(e.getMessage());
            return null;
        }
    }

    static String selector(AnalysisRequest request, PodGroup group, String codeRegex) {
        String s = "http_requests_total{service=" + PromQlAnswers.quote(request.service())
                + ",rollouts_pod_template_hash=" + PromQlAnswers.quote(group.podTemplateHash());
        if (codeRegex != null) {
            s += ",code=~" + PromQlAnswers.quote(codeRegex);
        }
        return s + "}";
    }

    static String ratioQuery(AnalysisRequest request, PodGroup group, long seconds) {
        return "sum(increase(" + selector(request, group, "5..") + "[" + seconds + "s])) / sum(increase("
                + selector(request, group, null) + "[" + seconds + "s]))";
    }
}
