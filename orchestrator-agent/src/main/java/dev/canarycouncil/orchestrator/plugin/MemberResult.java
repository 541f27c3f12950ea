package dev.canarycouncil.orchestrator.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canarycouncil.orchestrator.council.RootCauseSummary;
import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * One council member's vote in the plugin's {@code modelResults} shape (its {@code ModelAnalysisResult}:
 * {@code modelName}, {@code analysis}, {@code rootCause}, {@code remediation}, {@code promote},
 * {@code confidence}, {@code executionTimeMs}, {@code error}), which the plugin copies into the
 * measurement's metadata: the AnalysisRun then shows how each member voted.
 *
 * @param executionTimeMs  the whole analysis' time: members are asked at once and not timed one by one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberResult(
        String modelName,
        String analysis,
        String rootCause,
        String remediation,
        boolean promote,
        int confidence,
        long executionTimeMs,
        String error) {

    static List<MemberResult> of(Verdict v) {
        List<MemberResult> results = new ArrayList<>();
        for (Finding f : v.findings()) {
            String cause = RootCauseSummary.cause(List.of(f)).orElse("");
            results.add(new MemberResult(
                    f.agent(),
                    f.verdict() + ": " + f.summary(),
                    cause,
                    "",
                    f.verdict() == Decision.PROMOTE,
                    f.confidence(),
                    v.durationMs(),
                    null));
        }
        for (AgentFailure failure : v.failures()) {
            results.add(new MemberResult(failure.agent(), "", "", "", false, 0, v.durationMs(), failure.reason()));
        }
        return results;
    }
}
