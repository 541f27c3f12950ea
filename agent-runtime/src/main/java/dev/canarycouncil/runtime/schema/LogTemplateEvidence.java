package dev.canarycouncil.runtime.schema;

import java.time.Instant;
import java.util.List;

/**
 * A log template (the constant part of a family of log lines) and how often it occurs on each
 * side. Sample lines are redacted before they leave the agent that produced them.
 *
 * @param template      the template text, variables shown as {@code <*>}
 * @param signature     a named failure signature (e.g. {@code go-panic}) or null
 * @param location      the top application frame ({@code file:line}) when the lines carry one
 * @param frame         the function or method of that frame, or null
 * @param canaryCount   occurrences in canary logs
 * @param stableCount   occurrences in stable logs
 * @param canaryTotal   all lines read from canary logs (the denominator for canaryCount)
 * @param stableTotal   all lines read from stable logs
 * @param firstSeen     first timestamp seen on the canary side, when the lines carry timestamps
 * @param samples       up to three redacted sample lines
 * @param source        which pods and containers the lines came from
 * @param recordKind    an application message, an access-log line or a crash report
 * @param exception     the exception or panic its records report (the root cause of a chain), or null
 */
public record LogTemplateEvidence(
        String description,
        Severity severity,
        String template,
        String signature,
        String location,
        String frame,
        long canaryCount,
        long stableCount,
        long canaryTotal,
        long stableTotal,
        Instant firstSeen,
        List<String> samples,
        String source,
        LogRecordKind recordKind,
        ExceptionInfo exception) implements Evidence {

    public LogTemplateEvidence {
        samples = samples == null ? List.of() : List.copyOf(samples);
        // Findings from before the kind existed: a signature means a crash report.
        recordKind = recordKind != null ? recordKind : signature != null ? LogRecordKind.CRASH : LogRecordKind.MESSAGE;
    }

    /** Evidence whose kind follows from its signature: a crash report with one, a message without. */
    public LogTemplateEvidence(String description, Severity severity, String template, String signature, String location,
                               String frame, long canaryCount, long stableCount, long canaryTotal, long stableTotal,
                               Instant firstSeen, List<String> samples, String source) {
        this(description, severity, template, signature, location, frame, canaryCount, stableCount, canaryTotal, stableTotal,
                firstSeen, samples, source, null, null);
    }
}
