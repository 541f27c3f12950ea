package dev.canarycouncil.issuewriter;

import dev.canarycouncil.issuewriter.code.CodeExcerpt;
import dev.canarycouncil.issuewriter.code.SuspectCode;
import dev.canarycouncil.issuewriter.filing.IssueMarkers;
import dev.canarycouncil.issuewriter.prose.WrittenText;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.FailureSignature;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TargetKind;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The issue's Markdown: what failed, stable against canary, every agent's evidence, the suspect
 * code, a fix direction, the rollout reference, and the markers the filer recognises it by.
 * Every text in here has been redacted before (by the agents, or by the drafter for the verdict).
 */
final class IssueBody {

    /** GitHub rejects bodies over 65536 characters; the markers at the end must survive. */
    static final int MAX_LENGTH = 60_000;

    private static final int MAX_SAMPLE_LINES = 30;
    private static final int MAX_EVIDENCE_PER_AGENT = 12;

    private IssueBody() {}

    /** A link the issue may carry: a plain web address that cannot break out of the Markdown link. */
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s()<>\\[\\]`]+");

    static String render(AnalysisRequest a, Verdict v, FailureReading failure, SuspectCode code, String fingerprint) {
        return render(a, v, failure, code, fingerprint, WrittenText.TEMPLATE_ONLY);
    }

    /** @param written the model's summary and fix direction, placed around the deterministic sections */
    static String render(
            AnalysisRequest a,
            Verdict v,
            FailureReading failure,
            SuspectCode code,
            String fingerprint,
            WrittenText written) {
        StringBuilder md = new StringBuilder();
        if (written.text() != null) {
            md.append("## Summary\n\n").append(written.text().summary()).append("\n\n");
        }
        whatFailed(md, a, v);
        comparison(md, v);
        evidence(md, v);
        md.append("\n").append(suspectCode(code));
        md.append("\n## Proposed fix\n\n");
        if (v.remediation() != null && !v.remediation().isBlank()) {
            md.append(v.remediation()).append("\n\n");
        }
        md.append(FixDirection.of(failure)).append('\n');
        if (written.text() != null && written.text().suggestedFix() != null) {
            md.append("\n**Suggested by ")
                    .append(written.model())
                    .append("** (check it against the evidence above):\n\n")
                    .append(written.text().suggestedFix())
                    .append('\n');
        }
        rollout(md, a, v);
        String footer = "\n---\n<sub>Written by Canary Council for analysis `" + v.analysisId() + "` · "
                + IssueMarkers.fingerprintPhrase(fingerprint) + " · "
                + IssueMarkers.rolloutPhrase(a.namespace(), a.rollout()) + "</sub>\n\n"
                + IssueMarkers.fingerprintLine(fingerprint) + "\n" + IssueMarkers.analysisLine(v.analysisId()) + "\n"
                + FailureSignature.of(v)
                        .map(s -> IssueMarkers.signatureLine(s) + "\n")
                        .orElse("");
        if (md.length() + footer.length() > MAX_LENGTH) {
            md.setLength(MAX_LENGTH - footer.length() - 80);
            md.append("\n\n_(report cut to GitHub's size limit)_\n");
        }
        return md.append(footer).toString();
    }

    private static void whatFailed(StringBuilder md, AnalysisRequest a, Verdict v) {
        md.append("## What failed\n\n");
        md.append("The Canary Council decided ")
                .append(v.decision())
                .append(" (confidence ")
                .append(v.confidence())
                .append("%) for canary `")
                .append(a.canary().podTemplateHash())
                .append("` of `")
                .append(a.namespace())
                .append('/')
                .append(a.rollout())
                .append("`.");
        if (v.rationale() != null && !v.rationale().isBlank()) {
            md.append(' ').append(v.rationale().strip());
        }
        md.append("\n\n**Root cause:** ")
                .append(v.rootCause() == null ? "undetermined" : v.rootCause())
                .append('\n');
    }

    /** The numbers a reader compares first: every non-passing signal, stable beside canary. */
    private static void comparison(StringBuilder md, Verdict v) {
        List<Evidence> rows = v.findings().stream()
                .flatMap(f -> f.evidence().stream())
                .filter(e -> e.severity().compareTo(Severity.WARNING) >= 0)
                .filter(e -> !(e instanceof PodConditionEvidence))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Stable vs canary\n\n| Signal | Stable | Canary | Result |\n|---|---|---|---|\n");
        for (Evidence e : rows) {
            if (e instanceof PromQlEvidence p) {
                MetricText.Values values = MetricText.values(p)
                        .orElse(new MetricText.Values(
                                number(p.canaryValue()), number(p.stableValue()), Markdown.oneLine(p.description())));
                md.append("| ")
                        .append(Markdown.cell(p.metric()))
                        .append(" | ")
                        .append(Markdown.cell(values.stable()))
                        .append(" | ")
                        .append(Markdown.cell(values.canary()))
                        .append(" | ")
                        .append(Markdown.cell(values.outcome()))
                        .append(" |\n");
            } else if (e instanceof LogLatencyEvidence t) {
                md.append("| ")
                        .append(Markdown.cell(Markdown.code(Markdown.shorten(Markdown.oneLine(t.template()), 90))))
                        .append(" | p50 ")
                        .append(t.unit().format(t.stableP50()))
                        .append(", p95 ")
                        .append(t.unit().format(t.stableP95()))
                        .append(" | p50 ")
                        .append(t.unit().format(t.canaryP50()))
                        .append(", p95 ")
                        .append(t.unit().format(t.canaryP95()))
                        .append(" | slower |\n");
            } else if (e instanceof LogTemplateEvidence l) {
                md.append("| ")
                        .append(Markdown.cell(Markdown.code(Markdown.shorten(Markdown.oneLine(l.template()), 90))))
                        .append(" | ")
                        .append(l.stableCount())
                        .append(" of ")
                        .append(l.stableTotal())
                        .append(" records | ")
                        .append(l.canaryCount())
                        .append(" of ")
                        .append(l.canaryTotal())
                        .append(" records | ")
                        .append(
                                l.stableCount() == 0
                                        ? "new on the canary"
                                        : e.severity().name().toLowerCase(Locale.ROOT))
                        .append(" |\n");
            }
        }
    }

    private static void evidence(StringBuilder md, Verdict v) {
        md.append("\n## Evidence\n");
        for (Finding f : v.findings()) {
            md.append("\n### ")
                    .append(f.agent())
                    .append(" — ")
                    .append(f.verdict())
                    .append(" (")
                    .append(f.confidence())
                    .append("%)\n\n")
                    .append(f.summary())
                    .append("\n\n");
            List<Evidence> shown =
                    f.evidence().stream().limit(MAX_EVIDENCE_PER_AGENT).toList();
            for (Evidence e : shown) {
                md.append("- ").append(Markdown.oneLine(e.description())).append('\n');
                detail(md, e);
            }
            if (f.evidence().size() > shown.size()) {
                md.append("- _").append(f.evidence().size() - shown.size()).append(" more item(s) not shown_\n");
            }
            for (String note : f.notes()) {
                md.append("- _note: ").append(Markdown.oneLine(note)).append("_\n");
            }
        }
        if (!v.failures().isEmpty()) {
            md.append("\n### Agents without a finding\n\n");
            v.failures()
                    .forEach(f -> md.append("- ")
                            .append(f.agent())
                            .append(": ")
                            .append(Markdown.oneLine(f.reason()))
                            .append('\n'));
        }
    }

    private static void detail(StringBuilder md, Evidence e) {
        if (e instanceof LogTemplateEvidence l) {
            md.append(String.format(
                    Locale.ROOT,
                    "  - canary %d of %d lines, stable %d of %d lines%s%n",
                    l.canaryCount(),
                    l.canaryTotal(),
                    l.stableCount(),
                    l.stableTotal(),
                    l.location() == null
                            ? ""
                            : ", at `" + l.location() + "`" + (l.frame() == null ? "" : " in `" + l.frame() + "`")));
            if (!l.samples().isEmpty()) {
                String sample = firstLines(l.samples().get(0));
                String fence = Markdown.fence(sample);
                md.append("\n  ").append(fence).append('\n');
                sample.lines().forEach(s -> md.append("  ").append(s).append('\n'));
                md.append("  ").append(fence).append("\n\n");
            }
        } else if (e instanceof PromQlEvidence p) {
            // A plug-in's PromQL evidence may give values without the queries (the schema allows it).
            md.append("  - canary: ")
                    .append(p.canaryQuery() == null ? "" : Markdown.code(p.canaryQuery()) + " = ")
                    .append(number(p.canaryValue()))
                    .append('\n');
            md.append("  - stable: ")
                    .append(p.stableQuery() == null ? "" : Markdown.code(p.stableQuery()) + " = ")
                    .append(number(p.stableValue()))
                    .append('\n');
            if (p.test() != null) {
                md.append("  - ").append(Markdown.oneLine(p.test())).append('\n');
            }
        } else if (e instanceof PodConditionEvidence c && c.detail() != null) {
            md.append("  - ").append(Markdown.oneLine(c.detail())).append('\n');
        }
    }

    /** The "Suspect code" section, heading included; the draft also carries it on its own for the chat. */
    static String suspectCode(SuspectCode code) {
        StringBuilder md = new StringBuilder("## Suspect code\n\n");
        if (!code.looked()) {
            md.append("_Not looked up: the issue writer has no code tools configured._\n");
            return md.toString();
        }
        for (CodeExcerpt x : code.excerpts()) {
            md.append("**`")
                    .append(x.path())
                    .append("` lines ")
                    .append(x.startLine())
                    .append('–')
                    .append(x.endLine())
                    .append("** — ")
                    .append(String.join("; ", x.reasons()));
            if (x.url() != null) {
                md.append(" ([view](").append(x.url()).append("))");
            }
            md.append("\n\n");
            StringBuilder block = new StringBuilder();
            int width = String.valueOf(x.endLine()).length();
            for (int n = x.startLine(); n <= x.endLine(); n++) {
                block.append(x.focusLines().contains(n) ? "→ " : "  ")
                        .append(String.format(Locale.ROOT, "%" + width + "d  ", n))
                        .append(x.line(n))
                        .append('\n');
            }
            String fence = Markdown.fence(block.toString());
            md.append(fence).append('\n').append(block).append(fence).append("\n\n");
        }
        if (code.excerpts().isEmpty() && code.notes().isEmpty()) {
            md.append("_No code found for the evidence._\n");
        }
        code.notes().forEach(n -> md.append("- _").append(Markdown.oneLine(n)).append("_\n"));
        return md.toString();
    }

    private static void rollout(StringBuilder md, AnalysisRequest a, Verdict v) {
        md.append("\n## Rollout\n\n| | |\n|---|---|\n");
        md.append("| Rollout | `")
                .append(a.namespace())
                .append('/')
                .append(a.rollout())
                .append("` |\n");
        md.append("| Canary | `")
                .append(a.canary().podTemplateHash())
                .append("` (")
                .append(String.join(", ", a.canary().pods()))
                .append(") |\n");
        md.append("| Stable | `").append(a.stable().podTemplateHash()).append("` |\n");
        if (LINK.matcher(v.link()).matches()) {
            // The analysis with every finding and chart, and the chat about it, for whoever takes the issue.
            md.append("| Analysis | [")
                    .append(Markdown.oneLine(v.analysisId()))
                    .append("](")
                    .append(Markdown.oneLine(v.link()))
                    .append(") |\n");
        }
        md.append("| Window | ")
                .append(a.window().start())
                .append(" – ")
                .append(a.window().end())
                .append(" |\n");
        if (a.repository().named()) {
            md.append("| Repository named | `")
                    .append(Markdown.oneLine(a.repository().url()))
                    .append(
                            a.repository().branch().isEmpty()
                                    ? ""
                                    : "` branch `"
                                            + Markdown.oneLine(a.repository().branch()))
                    .append("` |\n");
        }
        md.append("| Verdict | ")
                .append(v.decision())
                .append(" (confidence ")
                .append(v.confidence())
                .append("%) |\n");
        md.append("| Analysis | `").append(v.analysisId()).append("` |\n\n");
        md.append(
                a.kind() == TargetKind.FLAGGER_CANARY
                        ? "Inspect it with `kubectl describe canary " + a.rollout() + " -n " + a.namespace() + "`.\n"
                        : "Inspect it with `kubectl argo rollouts get rollout " + a.rollout() + " -n " + a.namespace()
                                + "`.\n");
    }

    private static String firstLines(String sample) {
        List<String> lines = sample.lines().toList();
        if (lines.size() <= MAX_SAMPLE_LINES) {
            return sample;
        }
        return String.join("\n", lines.subList(0, MAX_SAMPLE_LINES)) + "\n… " + (lines.size() - MAX_SAMPLE_LINES)
                + " more lines";
    }

    private static String number(Double value) {
        if (value == null) {
            return "no data";
        }
        double abs = Math.abs(value);
        return abs != 0 && (abs < 0.001 || abs >= 1e6)
                ? String.format(Locale.ROOT, "%.3g", value)
                : String.format(Locale.ROOT, "%.4f", value)
                        .replaceAll("0+$", "")
                        .replaceAll("\\.$", "");
    }
}
