package dev.canarycouncil.metrics.presets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.metrics.query.QueryTemplate;
import dev.canarycouncil.metrics.query.SideContext;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds which preset's series a canary has, by asking Prometheus' series API (through the MCP
 * tools) for each preset's detection series under each of its targets: the first preset whose
 * series exist for the canary wins; failing that, the first whose series exist for the stable (a
 * canary that never served has none of its own). The cAdvisor and kube-state-metrics set is added
 * when the pods have those series. When nothing matches, it says what the canary's pods do expose.
 */
public final class PresetDetector {

    private static final int EXPOSED_NAMES = 12;

    private final McpToolClient tools;
    private final PresetCatalog catalog;

    public PresetDetector(McpToolClient tools, PresetCatalog catalog) {
        this.tools = tools;
        this.catalog = catalog;
    }

    private record Candidate(MetricPreset preset, MetricTarget target, int canary, int stable) {}

    /**
     * @param candidates the presets to try, in order: every bundled one for auto-detection, or the one named
     * @throws dev.canarycouncil.runtime.mcp.ToolCallException when the series cannot be asked for
     *                                                         (no metrics source configured, among others)
     */
    public MetricSelection detect(
            AnalysisRequest request,
            List<MetricPreset> candidates,
            boolean auto,
            SideContext canary,
            SideContext stable) {
        List<Candidate> found = new ArrayList<>();
        List<String> canarySelectors = new ArrayList<>();
        List<String> stableSelectors = new ArrayList<>();
        for (MetricPreset p : candidates) {
            for (MetricTarget t : p.targets()) {
                canarySelectors.add(QueryTemplate.render(p.detect(), t.apply(canary)));
                stableSelectors.add(QueryTemplate.render(p.detect(), t.apply(stable)));
            }
        }
        int[] canaryCounts = counts(request, canarySelectors);
        int[] stableCounts = counts(request, stableSelectors);
        int i = 0;
        for (MetricPreset p : candidates) {
            for (MetricTarget t : p.targets()) {
                found.add(new Candidate(p, t, canaryCounts[i], stableCounts[i]));
                i++;
            }
        }
        Candidate chosen = found.stream()
                .filter(c -> c.canary() > 0)
                .findFirst()
                .orElseGet(() ->
                        found.stream().filter(c -> c.stable() > 0).findFirst().orElse(null));
        List<String> notes = new ArrayList<>();
        String how = auto ? "auto-detected" : "chosen";
        if (chosen == null) {
            MetricPreset first = candidates.get(0);
            notes.add("metric presets tried, none with series for canary " + canary.hash() + " or stable "
                    + stable.hash() + ": "
                    + String.join(
                            ", ", candidates.stream().map(MetricPreset::name).toList()));
            exposed(request, canary).ifPresent(notes::add);
            return new MetricSelection(
                    first.set(),
                    first.targets().get(0),
                    false,
                    "no metric preset has series for this rollout (" + how + ", tried " + candidates.size() + ")",
                    notes);
        }
        boolean kubernetes = kubernetesSeries(request, canary, stable);
        String account = String.format(
                Locale.ROOT,
                "metric preset %s (%s: %d canary and %d stable series of %s, selected by %s)%s",
                chosen.preset().name(),
                how,
                chosen.canary(),
                chosen.stable(),
                chosen.preset().detect().replaceAll("\\{.*", ""),
                chosen.target().description(),
                kubernetes
                        ? " with cAdvisor and kube-state-metrics"
                        : "; no cAdvisor or kube-state-metrics series, so CPU, memory and restarts are not compared");
        if (chosen.canary() == 0) {
            notes.add("the canary has no series of the " + chosen.preset().name() + " preset; only the stable has");
        }
        found.stream()
                .takeWhile(c -> c != chosen)
                .filter(c -> c.stable() > 0 || c.canary() > 0)
                .forEach(c -> notes.add(
                        "also seen: " + c.preset().name() + " by " + c.target().name()));
        return new MetricSelection(
                kubernetes
                        ? catalog.withKubernetes(chosen.preset().set())
                        : chosen.preset().set(),
                chosen.target(),
                true,
                account,
                notes);
    }

    private boolean kubernetesSeries(AnalysisRequest request, SideContext canary, SideContext stable) {
        List<String> selectors = new ArrayList<>();
        for (String d : catalog.kubernetesDetect()) {
            selectors.add(QueryTemplate.render(d, canary));
            selectors.add(QueryTemplate.render(d, stable));
        }
        for (int n : counts(request, selectors)) {
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    /** What metric names the canary's pods expose, so a person can see which convention they follow. */
    private java.util.Optional<String> exposed(AnalysisRequest request, SideContext canary) {
        try {
            JsonNode answer = tools.call(
                    "promql_label_values",
                    Map.of(
                            "label",
                            "__name__",
                            "match",
                            "{" + QueryTemplate.render("{{pods}}", canary) + "}",
                            "start",
                            request.window().start().toString(),
                            "end",
                            request.window().end().toString()));
            List<String> names = new ArrayList<>();
            answer.path("values").forEach(v -> names.add(v.asText()));
            if (names.isEmpty()) {
                return java.util.Optional.of("no series carry the canary's pod names either");
            }
            return java.util.Optional.of("the canary's pods expose " + names.size() + " metric names, e.g. "
                    + String.join(", ", names.stream().limit(EXPOSED_NAMES).toList())
                    + ": give a metric set for them with --metrics-config (docs/metrics.md)");
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // a hint only: its absence changes nothing
        }
    }

    private int[] counts(AnalysisRequest request, List<String> selectors) {
        int[] counts = new int[selectors.size()];
        for (int from = 0; from < selectors.size(); from += 40) {
            List<String> batch = selectors.subList(from, Math.min(selectors.size(), from + 40));
            JsonNode answer = tools.call(
                    "promql_series",
                    Map.of(
                            "match",
                            batch,
                            "start",
                            request.window().start().toString(),
                            "end",
                            request.window().end().toString()));
            int k = from;
            for (JsonNode m : answer.path("matches")) {
                counts[k++] = m.path("count").asInt();
            }
        }
        return counts;
    }
}
