package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.logs.ExceptionLine;
import dev.canarycouncil.runtime.logs.LogMessages;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogRecordKind;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** States the root cause and the next step from the strongest evidence, without a model. */
public final class RootCauseSummary {

    /** What went wrong and what to do about it. */
    public record Summary(String rootCause, String remediation) {}

    private RootCauseSummary() {}

    public static Summary of(Decision decision, AnalysisRequest request, List<Finding> findings) {
        String stable = request.stable().podTemplateHash();
        String canary = request.canary().podTemplateHash();
        if (decision == Decision.PROMOTE) {
            return new Summary("none", "none required: promote canary " + canary + " of " + request.service());
        }
        if (decision == Decision.INCONCLUSIVE) {
            return new Summary(
                    "undetermined",
                    "Keep canary " + canary + " paused and analyse again once more traffic "
                            + "or the missing members are available, or judge it by hand; do not promote on this result.");
        }
        Optional<Evidence> top = strongest(findings);
        String cause = top.map(RootCauseSummary::cause).orElse("the canary regressed (see the findings)");
        return new Summary(
                cause,
                "Roll back " + request.service() + " to stable " + stable + ", fix " + fixTarget(top)
                        + ", and release a new canary.");
    }

    /** The root cause the rolling-back findings give, in words, when they give one. */
    public static Optional<String> cause(List<Finding> findings) {
        return strongest(findings).map(RootCauseSummary::cause);
    }

    private static Optional<Evidence> strongest(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.verdict() == Decision.ROLLBACK)
                .flatMap(f -> f.evidence().stream())
                .filter(e -> e.severity().compareTo(Severity.ERROR) >= 0)
                .max(Comparator.comparingInt(RootCauseSummary::specificity)
                        .thenComparingInt(e -> e.severity().ordinal()));
    }

    /**
     * How directly an item names the cause rather than a symptom: a crash with its frame says what
     * broke and where, a crash without one what broke; an OOM kill how it broke; an application's
     * error line what it saw; an access-log status only that a request failed (a 502 is the upstream
     * error's symptom); a pod state or a metric only that something did.
     */
    private static int specificity(Evidence e) {
        if (e instanceof LogTemplateEvidence l) {
            return switch (l.recordKind()) {
                case CRASH -> l.location() != null ? 50 : 40;
                case MESSAGE -> l.location() != null ? 45 : 30;
                case ACCESS -> 15;
            };
        }
        if (e instanceof PodConditionEvidence c) {
            return "OOMKilled".equals(c.condition()) ? 35 : 10;
        }
        if (e instanceof LogLatencyEvidence) {
            return 20; // which requests got slower, by how much: more than a latency metric, less than an error
        }
        return 0;
    }

    private static String cause(Evidence e) {
        if (e instanceof LogTemplateEvidence l && l.exception() != null && l.recordKind() == LogRecordKind.CRASH) {
            // The analyst read the exception's root cause from the record: its words, not a log line's decoration.
            return l.exception().describe()
                    + (l.location() == null
                            ? ""
                            : " (" + l.location() + (l.frame() == null ? "" : ", " + l.frame()) + ")");
        }
        if (e instanceof LogTemplateEvidence l) {
            String sample = l.samples().isEmpty() ? l.template() : l.samples().get(0);
            // A traceback's or exception chain's innermost exception says what broke; its first line often does not.
            String message =
                    ExceptionLine.last(sample).map(ExceptionLine::line).orElseGet(() -> LogMessages.message(sample));
            return message
                    + (l.location() == null
                            ? ""
                            : " (" + l.location() + (l.frame() == null ? "" : ", " + l.frame()) + ")");
        }
        if (e instanceof PodConditionEvidence c) {
            // The kubelet's own words (e.g. "manifest unknown") say why the pod is in that state.
            return c.detail() == null || c.detail().isBlank() || c.description().contains(c.detail())
                    ? c.description()
                    : c.description() + ": " + c.detail();
        }
        if (e instanceof PromQlEvidence p) {
            return p.description();
        }
        if (e instanceof LogLatencyEvidence t) {
            return "requests slower on the canary: " + LogMessages.message(t.template()) + " took "
                    + t.unit().format(t.canaryP95()) + " at p95 against "
                    + t.unit().format(t.stableP95()) + " on the stable";
        }
        return e.description();
    }

    private static String fixTarget(Optional<Evidence> top) {
        if (top.isEmpty()) {
            return "the regression the findings describe";
        }
        Evidence e = top.get();
        if (e instanceof LogTemplateEvidence l && l.location() != null) {
            return "the failure at " + l.location();
        }
        if (e instanceof PodConditionEvidence c && "OOMKilled".equals(c.condition())) {
            return "the memory growth that gets the container OOMKilled (or raise its limit if the growth is expected)";
        }
        if (e instanceof PodConditionEvidence c) {
            return "what keeps the container in " + c.condition();
        }
        if (e instanceof PromQlEvidence p) {
            return "the " + p.metric() + " regression";
        }
        if (e instanceof LogLatencyEvidence) {
            return "what makes these requests slower";
        }
        return "the failure the logs show";
    }
}
