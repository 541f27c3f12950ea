package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.ModelAccounting;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import dev.canarycouncil.runtime.text.Texts;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a verdict and its evidence for a person at a terminal. */
final class VerdictPrinter {

    private VerdictPrinter() {}

    static void print(Verdict v, PrintStream out) {
        VerdictSubject s = v.subject();
        out.printf("%s (confidence %d%%)%n", v.decision(), v.confidence());
        if (s != null) {
            out.printf(
                    "  %s/%s: canary %s vs stable %s, %s to %s%n",
                    s.namespace(),
                    s.rollout(),
                    s.canaryHash(),
                    s.stableHash(),
                    s.window().start(),
                    s.window().end());
        }
        if (v.analysis() != null && !v.analysis().isBlank()) {
            out.println();
            out.println(v.analysis());
        }
        out.println();
        out.println("Root cause:  " + v.rootCause());
        out.println("Remediation: " + v.remediation());
        out.println();
        out.println("Findings:");
        for (Finding f : v.findings()) {
            out.printf("  %-14s %-12s %3d%%  %s%n", f.agent(), f.verdict(), f.confidence(), f.summary());
            for (Evidence e : f.evidence()) {
                out.printf("    - [%s] %s%n", e.severity().name().toLowerCase(Locale.ROOT), e.description());
                detail(e, out);
            }
            f.notes().forEach(n -> out.println("    note: " + n));
            review(f.review(), out);
        }
        java.util.List<String> unseen = v.findings().stream()
                .flatMap(f -> f.blindSpots().stream()
                        .map(b -> String.format(
                                "  %-14s %s (%s)",
                                f.agent(),
                                b.describe(),
                                b.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))))
                .toList();
        if (!unseen.isEmpty()) {
            // What no member could see: a verdict reached without it is weaker than it looks.
            out.println("Not seen:");
            unseen.forEach(out::println);
            v.findings().stream()
                    .flatMap(f -> f.blindSpots().stream())
                    .flatMap(b -> b.samples().stream())
                    .limit(3)
                    .forEach(line -> out.println("        | " + abbreviate(line)));
        }
        if (!v.failures().isEmpty()) {
            out.println("No finding from:");
            v.failures().forEach(f -> out.printf("  %-14s %s%n", f.agent(), f.reason()));
        }
        out.println();
        out.println("Rationale: " + v.rationale());
        if (v.issue() != null) {
            out.println();
            out.println("Remediation issue (" + v.issue().state() + "): "
                    + v.issue().title());
            if (v.issue().url() != null) {
                out.println("  " + v.issue().url());
            }
            if (v.issue().detail() != null) {
                // Why it is only a draft, queued or failed: what an operator would ask next.
                out.println("  " + v.issue().detail());
            }
        }
        ModelAccounting m = v.models();
        if (m != null) {
            out.printf(
                    "%nModel tokens: %d in, %d out, %d calls (budget %d)%s%n",
                    m.total().inputTokens(),
                    m.total().outputTokens(),
                    m.total().calls(),
                    m.budget(),
                    m.perAgent().isEmpty()
                            ? ""
                            : "; "
                                    + String.join(
                                            ", ",
                                            m.perAgent().entrySet().stream()
                                                    .map(e -> e.getKey() + " "
                                                            + e.getValue().totalTokens())
                                                    .toList()));
            m.notes().forEach(n -> out.println("  " + n));
        }
        out.printf("%nAnalysis %s took %d ms (%s mode).%n", v.analysisId(), v.durationMs(), v.mode());
    }

    private static void review(ModelReview r, PrintStream out) {
        if (r == null) {
            return;
        }
        if (r.answered()) {
            out.printf(
                    "    model %s: %s %d%% (weighed separately): %s%n",
                    r.model(), r.verdict(), r.confidence(), r.reasoning());
        } else {
            out.printf(
                    "    model %s gave no usable review (%s): %s%n",
                    r.model(), r.status().name().toLowerCase(Locale.ROOT), r.detail());
        }
    }

    private static void detail(Evidence e, PrintStream out) {
        if (e instanceof LogTemplateEvidence l) {
            // One sample, whole records (a stack trace is several lines), each line marked as quoted.
            l.samples().stream()
                    .limit(1)
                    .flatMap(String::lines)
                    .limit(8)
                    .forEach(line -> out.println("        | " + abbreviate(line.replace("\t", "    "))));
        } else if (e instanceof PromQlEvidence p) {
            out.println("        canary: " + p.canaryQuery());
            out.println("        stable: " + p.stableQuery());
        } else if (e instanceof PodConditionEvidence c && c.detail() != null) {
            out.println("        " + c.detail());
        } else if (e instanceof LogLatencyEvidence t) {
            t.samples().stream().limit(1).forEach(line -> out.println("        | " + abbreviate(line)));
        } else if (e instanceof LogCoverageEvidence c) {
            c.unrecognised().stream()
                    .limit(2)
                    .forEach(line -> out.println("        unrecognised | " + abbreviate(line)));
        }
    }

    private static String abbreviate(String s) {
        return Texts.abbreviate(s, 160);
    }
}
