package dev.canarycouncil.runtime.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;

/**
 * What a model is shown instead of raw logs: the deterministic finding's evidence as compact JSON
 * (templates with counts, one sample line each, metric values, pod states). This is what keeps
 * prompts a fraction of the logs' size, and what the model's judgement must rest on.
 */
public final class EvidenceDigest {

    static final int MAX_ITEMS = 25;
    static final int MAX_SAMPLE_CHARS = 300;

    private EvidenceDigest() {}

    public static String of(Finding finding) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("agent", finding.agent());
        root.put("deterministicVerdict", finding.verdict().name());
        root.put("deterministicConfidence", finding.confidence());
        root.put("summary", finding.summary());
        ArrayNode items = root.putArray("evidence");
        // Logs read in full say nothing a model could weigh; only unreadable ones (a warning) are shown.
        java.util.List<Evidence> shown = finding.evidence().stream()
                .filter(e -> !(e instanceof LogCoverageEvidence)
                        || e.severity() != dev.canarycouncil.runtime.schema.Severity.INFO)
                .toList();
        shown.stream().limit(MAX_ITEMS).forEach(e -> items.add(item(e)));
        if (shown.size() > MAX_ITEMS) {
            root.put("evidenceOmitted", shown.size() - MAX_ITEMS);
        }
        ArrayNode notes = root.putArray("notes");
        finding.notes().forEach(notes::add);
        if (!finding.blindSpots().isEmpty()) {
            ArrayNode blind = root.putArray("couldNotSee");
            finding.blindSpots().forEach(b -> blind.add(b.describe()));
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evidence digest", e);
        }
    }

    /** A finding's digest as a model prompt shows it: named after its agent, fenced as untrusted data. */
    public static String fenced(Finding finding, UntrustedData fence) {
        return "Finding of " + finding.agent() + ":\n" + fence.fence(finding.agent(), of(finding)) + "\n";
    }

    private static ObjectNode item(Evidence e) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("severity", e.severity().name());
        if (e instanceof LogTemplateEvidence l) {
            n.put("kind", "log-template");
            n.put("template", l.template());
            n.put("canaryCount", l.canaryCount());
            n.put("stableCount", l.stableCount());
            n.put("canaryRecords", l.canaryTotal());
            n.put("stableRecords", l.stableTotal());
            putIfPresent(n, "location", l.location());
            putIfPresent(n, "frame", l.frame());
            if (!l.samples().isEmpty()) {
                String sample = l.samples().get(0);
                n.put(
                        "sample",
                        sample.length() <= MAX_SAMPLE_CHARS ? sample : sample.substring(0, MAX_SAMPLE_CHARS) + "…");
            }
        } else if (e instanceof PromQlEvidence q) {
            n.put("kind", "metric");
            n.put("metric", q.metric());
            if (q.canaryValue() != null) {
                n.put("canary", q.canaryValue());
            }
            if (q.stableValue() != null) {
                n.put("stable", q.stableValue());
            }
            putIfPresent(n, "test", q.test());
            n.put("canaryQuery", q.canaryQuery());
        } else if (e instanceof LogLatencyEvidence t) {
            n.put("kind", "log-latency");
            n.put("template", t.template());
            n.put("unit", t.unit().name());
            n.put("canaryP50", t.canaryP50());
            n.put("canaryP95", t.canaryP95());
            n.put("stableP50", t.stableP50());
            n.put("stableP95", t.stableP95());
            n.put("canaryCount", t.canaryCount());
            n.put("stableCount", t.stableCount());
        } else if (e instanceof LogCoverageEvidence c) {
            n.put("kind", "log-coverage");
            n.put("side", c.side());
            n.put("lines", c.lines());
            n.put("recognisedShare", Math.round(c.recognisedShare() * 100) / 100.0);
        } else if (e instanceof PodConditionEvidence p) {
            n.put("kind", "pod");
            n.put("pod", p.pod());
            n.put("side", p.side());
            n.put("condition", p.condition());
            n.put("restarts", p.restarts());
            if (p.exitCode() != null) {
                n.put("exitCode", p.exitCode());
            }
            putIfPresent(n, "detail", p.detail());
        }
        n.put("description", e.description());
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }
}
