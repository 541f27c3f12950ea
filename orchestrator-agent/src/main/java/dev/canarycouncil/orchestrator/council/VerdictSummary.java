package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.AnalysisMode;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;

/** The verdict in a few lines of text: the one rendering the A2A answer, the plugin's, the web provider's and the chat share. */
public final class VerdictSummary {

    private VerdictSummary() {}

    public static String of(Verdict v) {
        StringBuilder s = new StringBuilder();
        s.append(v.decision()).append(" (confidence ").append(v.confidence()).append("%)\n");
        if (v.mode() == AnalysisMode.MODEL_ASSISTED
                && v.analysis() != null
                && !v.analysis().isBlank()) {
            // The model's explanation, when one wrote it; the template prose would only repeat the lines below.
            s.append(v.analysis().strip()).append('\n');
        }
        s.append("Root cause: ").append(v.rootCause()).append('\n');
        s.append("Remediation: ").append(v.remediation()).append('\n');
        for (Finding f : v.findings()) {
            s.append("- ")
                    .append(f.agent())
                    .append(": ")
                    .append(f.verdict())
                    .append(" (")
                    .append(f.confidence())
                    .append("%) ")
                    .append(f.summary())
                    .append('\n');
        }
        v.failures()
                .forEach(f -> s.append("- ")
                        .append(f.agent())
                        .append(": no finding (")
                        .append(f.reason())
                        .append(")\n"));
        if (v.issue() != null) {
            s.append("Issue: ")
                    .append(
                            v.issue().url() != null
                                    ? v.issue().url()
                                    : v.issue().title() + " (" + v.issue().state() + ")");
            if (v.issue().url() == null && v.issue().detail() != null) {
                s.append(": ").append(v.issue().detail());
            }
            s.append('\n');
        }
        return s.toString().trim();
    }
}
