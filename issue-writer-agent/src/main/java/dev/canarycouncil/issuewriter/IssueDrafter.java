package dev.canarycouncil.issuewriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Verdict;

/**
 * Turns a rollback verdict into a remediation issue a maintainer (or a coding agent) can act on:
 * a title naming the failure, the evidence of every agent, the rollout reference, and a
 * fingerprint of the failure so the same failure is recognised when it happens again.
 */
public final class IssueDrafter {

    public static final String FINGERPRINT_MARKER = "canary-council-fingerprint";
    private static final int MAX_TITLE = 140;

    private final List<String> labels;

    public IssueDrafter(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    public IssueDraft draft(AnalysisRequest analysis, Verdict verdict) {
        String fingerprint = fingerprint(analysis.service(), verdict.rootCause());
        String title = title(analysis, verdict);
        return new IssueDraft(title, body(analysis, verdict, fingerprint), labels, fingerprint, null, "draft");
    }

    private static String title(AnalysisRequest analysis, Verdict verdict) {
        String cause = verdict.rootCause() == null || verdict.rootCause().isBlank() ? "rolled back" : verdict.rootCause();
        String title = "Canary " + analysis.canary().podTemplateHash() + " of " + analysis.service() + ": " + oneLine(cause);
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    }

    private static String body(AnalysisRequest a, Verdict v, String fingerprint) {
        StringBuilder md = new StringBuilder();
        md.append("## What failed\n\n").append(v.rationale()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Rollout | `").append(a.namespace()).append('/').append(a.rollout()).append("` |\n");
        md.append("| Canary | `").append(a.canary().podTemplateHash()).append("` (").append(String.join(", ", a.canary().pods())).append(") |\n");
        md.append("| Stable | `").append(a.stable().podTemplateHash()).append("` |\n");
        md.append("| Window | ").append(a.window().start()).append(" – ").append(a.window().end()).append(" |\n");
        md.append("| Verdict | ").append(v.decision()).append(" (confidence ").append(v.confidence()).append("%) |\n");
        md.append("| Analysis | `").append(v.analysisId()).append("` |\n\n");
        md.append("## Root cause\n\n").append(v.rootCause()).append("\n\n");
        md.append("## Evidence\n");
        for (Finding f : v.findings()) {
            md.append("\n### ").append(f.agent()).append(" — ").append(f.verdict()).append(" (").append(f.confidence())
                    .append("%)\n\n").append(f.summary()).append("\n\n");
            for (Evidence e : f.evidence()) {
                md.append("- ").append(e.description()).append('\n');
                appendDetail(md, e);
            }
            for (String note : f.notes()) {
                md.append("- _note: ").append(note).append("_\n");
            }
        }
        if (!v.failures().isEmpty()) {
            md.append("\n### Agents without a finding\n\n");
            v.failures().forEach(f -> md.append("- ").append(f.agent()).append(": ").append(f.reason()).append('\n'));
        }
        md.append("\n## Proposed fix\n\n").append(v.remediation()).append("\n\n");
        md.append("<!-- ").append(FINGERPRINT_MARKER).append(": ").append(fingerprint).append(" -->\n");
        return md.toString();
    }

    private static void appendDetail(StringBuilder md, Evidence e) {
        if (e instanceof LogTemplateEvidence l) {
            md.append(String.format(Locale.ROOT, "  - canary %d of %d lines, stable %d of %d lines%s%n",
                    l.canaryCount(), l.canaryTotal(), l.stableCount(), l.stableTotal(),
                    l.location() == null ? "" : ", at `" + l.location() + "`"));
            if (!l.samples().isEmpty()) {
                md.append("    ```\n");
                l.samples().forEach(s -> md.append("    ").append(s).append('\n'));
                md.append("    ```\n");
            }
        } else if (e instanceof PromQlEvidence p) {
            md.append("  - canary: `").append(p.canaryQuery()).append("` = ").append(p.canaryValue()).append('\n');
            md.append("  - stable: `").append(p.stableQuery()).append("` = ").append(p.stableValue()).append('\n');
            md.append("  - ").append(p.test()).append('\n');
        } else if (e instanceof PodConditionEvidence c && c.detail() != null) {
            md.append("  - ").append(c.detail()).append('\n');
        }
    }

    /** 12 hex digits of SHA-256 over the service and the failure with its numbers masked. */
    static String fingerprint(String service, String rootCause) {
        String normalised = (service + "|" + (rootCause == null ? "" : rootCause))
                .toLowerCase(Locale.ROOT).replaceAll("0x[0-9a-f]+", "X").replaceAll("\\d+", "N");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
