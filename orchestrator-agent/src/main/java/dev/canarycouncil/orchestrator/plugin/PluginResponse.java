package dev.canarycouncil.orchestrator.plugin;

import dev.canarycouncil.orchestrator.council.VerdictSummary;
import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;

/**
 * The answer the rollouts plugin reads ({@code analysis}, {@code rootCause}, {@code remediation},
 * {@code prLink}, {@code promote}, {@code confidence}, {@code votingRationale}, {@code modelResults}), plus
 * fields of ours. {@code promote} is true only for a PROMOTE verdict: an inconclusive analysis must
 * not pass a release gate. The plugin copies {@code analysis}, {@code confidence},
 * {@code votingRationale} and {@code modelResults} into the measurement's metadata, so the page link
 * ends the {@code analysis} text: it is what a person reading the AnalysisRun sees.
 */
public record PluginResponse(
        String analysis,
        String rootCause,
        String remediation,
        String prLink,
        boolean promote,
        int confidence,
        String verdict,
        String analysisId,
        String issueUrl,
        String issueTitle,
        List<String> failedAgents,
        String votingRationale,
        List<MemberResult> modelResults,
        String link) {

    public static PluginResponse of(Verdict v) {
        String url = v.issue() == null ? null : v.issue().url();
        return new PluginResponse(
                v.link().isEmpty() ? VerdictSummary.of(v) : VerdictSummary.of(v) + "\nFull analysis: " + v.link(),
                v.rootCause(),
                v.remediation(),
                url == null ? "" : url,
                v.decision() == Decision.PROMOTE,
                v.confidence(),
                v.decision().name(),
                v.analysisId(),
                url,
                v.issue() == null ? null : v.issue().title(),
                v.failures().stream().map(AgentFailure::agent).toList(),
                v.rationale(),
                MemberResult.of(v),
                v.link());
    }

    /** The answer when the canary could not even be found: not a promote, and why. */
    public static PluginResponse unresolved(String reason) {
        return new PluginResponse(
                "INCONCLUSIVE: " + reason,
                "undetermined",
                "Check the namespace and pod name the AnalysisTemplate passes, then analyse again.",
                "",
                false,
                0,
                Decision.INCONCLUSIVE.name(),
                null,
                null,
                null,
                List.of(),
                "No member was asked: " + reason,
                List.of(),
                "");
    }
}
