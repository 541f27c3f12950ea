package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.orchestrator.narrative.Narrative;
import dev.canarycouncil.runtime.schema.AnalysisMode;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.ModelAccounting;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums up which models took part in an analysis, what they spent, and where they fell short. */
final class ModelUse {

    private ModelUse() {}

    static boolean anyConsulted(List<Finding> findings, Narrative narrative, IssueDraft issue) {
        return findings.stream().anyMatch(f -> f.review() != null)
                || narrative.model() != null
                || narrative.note() != null
                || (issue != null && (issue.writtenBy() != null || issue.modelUsage() != null));
    }

    static AnalysisMode mode(List<Finding> findings, Narrative narrative, IssueDraft issue) {
        if (!anyConsulted(findings, narrative, issue)) {
            return AnalysisMode.DETERMINISTIC;
        }
        boolean answered =
                findings.stream().anyMatch(f -> f.review() != null && f.review().answered())
                        || narrative.model() != null
                        || (issue != null && issue.writtenBy() != null);
        return answered ? AnalysisMode.MODEL_ASSISTED : AnalysisMode.DEGRADED;
    }

    /** @return null when no model was consulted */
    static ModelAccounting accounting(
            long budget, List<Finding> findings, Narrative narrative, String issueWriter, IssueDraft issue) {
        if (!anyConsulted(findings, narrative, issue)) {
            return null;
        }
        Map<String, TokenUsage> perAgent = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Finding f : findings) {
            ModelReview r = f.review();
            if (r == null) {
                continue;
            }
            perAgent.merge(f.agent(), r.usage(), TokenUsage::plus);
            if (!r.answered()) {
                notes.add(f.agent() + ": " + r.model() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT)
                        + ": " + r.detail());
            }
        }
        if (narrative.model() != null || narrative.note() != null) {
            perAgent.merge(Council.COORDINATOR, narrative.usage(), TokenUsage::plus);
            if (narrative.note() != null) {
                notes.add(Council.COORDINATOR + ": analysis written from the template: " + narrative.note());
            }
        }
        if (issue != null && issue.modelUsage() != null) {
            perAgent.merge(issueWriter, issue.modelUsage(), TokenUsage::plus);
        }
        TokenUsage total = perAgent.values().stream().reduce(TokenUsage.NONE, TokenUsage::plus);
        return new ModelAccounting(budget, total, perAgent, notes);
    }
}
