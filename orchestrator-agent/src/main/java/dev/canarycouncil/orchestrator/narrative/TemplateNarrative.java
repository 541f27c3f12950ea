package dev.canarycouncil.orchestrator.narrative;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Comparator;
import java.util.stream.Collectors;

/** The analysis prose written without a model, from the verdict's own fields. */
public final class TemplateNarrative {

    private TemplateNarrative() {}

    public static String of(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append("The council decided ")
                .append(v.decision())
                .append(" with ")
                .append(v.confidence())
                .append("% confidence. ");
        String votes = v.findings().stream()
                .sorted(Comparator.comparing((Finding f) -> f.verdict() != v.decision())
                        .thenComparing(f -> -f.confidence()))
                .map(f -> f.agent() + " voted " + f.verdict() + " (" + f.confidence() + "%)")
                .collect(Collectors.joining(", "));
        if (!votes.isEmpty()) {
            b.append(Character.toUpperCase(votes.charAt(0)))
                    .append(votes.substring(1))
                    .append(". ");
        }
        if (!v.failures().isEmpty()) {
            b.append(v.failures().stream().map(f -> f.agent()).collect(Collectors.joining(", ")))
                    .append(" gave no finding. ");
        }
        if (v.decision() == Decision.ROLLBACK) {
            b.append("Most likely cause: ").append(v.rootCause()).append(". ");
        }
        if (v.remediation() != null && !v.remediation().isBlank()) {
            b.append("Next: ").append(v.remediation());
        }
        return b.toString().strip();
    }
}
