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
 * @param sequential    how the evidence that the canary logs it more often grew over the rollout's calls,
 *                      against the boundary; null until the canary was measured more than once
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
        ExceptionInfo exception,
        SequentialTrace sequential)
        implements Evidence {

    public LogTemplateEvidence {
        samples = samples == null ? List.of() : List.copyOf(samples);
        // Findings from before the kind existed: a signature means a crash report.
        recordKind = recordKind != null ? recordKind : signature != null ? LogRecordKind.CRASH : LogRecordKind.MESSAGE;
    }

    /** Evidence whose kind follows from its signature: a crash report with one, a message without. */
    public LogTemplateEvidence(
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
            String source) {

        this(
                description,
                severity,
                template,
                signature,
                location,
                frame,
                canaryCount,
                stableCount,
                canaryTotal,
                stableTotal,
                firstSeen,
                samples,
                source,
                null,
                null,
                null);
    }

    /**
     * The template of the log analyst's overall comparison (all records at ERROR or worse, canary
     * against stable) rather than of one message: evidence of a surge, not of a particular failure.
     */
    public static final String ERROR_AGGREGATE = "records at ERROR or worse";

    /** Whether this is the overall error comparison rather than one message's template. */
    public boolean aggregate() {
        return ERROR_AGGREGATE.equals(template);
    }

    /** Evidence about one template, by name: what it says, how bad, and which template; the rest is optional. */
    public static Builder builder(String description, Severity severity, String template) {
        return new Builder(description, severity, template);
    }

    /** This evidence with some parts changed (a redacted or bounded copy). */
    public Builder toBuilder() {
        return new Builder(description, severity, template)
                .crash(signature, location, frame)
                .counts(canaryCount, stableCount, canaryTotal, stableTotal)
                .firstSeen(firstSeen)
                .samples(samples)
                .source(source)
                .recordKind(recordKind)
                .exception(exception)
                .sequential(sequential);
    }

    /** Builds the evidence part by part, so no caller passes a row of nulls. */
    public static final class Builder {
        private String description;
        private final Severity severity;
        private String template;
        private String signature;
        private String location;
        private String frame;
        private long canaryCount;
        private long stableCount;
        private long canaryTotal;
        private long stableTotal;
        private Instant firstSeen;
        private List<String> samples = List.of();
        private String source;
        private LogRecordKind recordKind;
        private ExceptionInfo exception;
        private SequentialTrace sequential;

        private Builder(String description, Severity severity, String template) {
            this.description = description;
            this.severity = severity;
            this.template = template;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder template(String text) {
            this.template = text;
            return this;
        }

        /** The crash the records report: its signature label, source location and function; nulls when unknown. */
        public Builder crash(String crashSignature, String crashLocation, String crashFrame) {
            this.signature = crashSignature;
            this.location = crashLocation;
            this.frame = crashFrame;
            return this;
        }

        /** Occurrences on each side and the records read on each side. */
        public Builder counts(long canary, long stable, long canaryRecords, long stableRecords) {
            this.canaryCount = canary;
            this.stableCount = stable;
            this.canaryTotal = canaryRecords;
            this.stableTotal = stableRecords;
            return this;
        }

        public Builder firstSeen(Instant when) {
            this.firstSeen = when;
            return this;
        }

        public Builder samples(List<String> lines) {
            this.samples = lines;
            return this;
        }

        public Builder source(String where) {
            this.source = where;
            return this;
        }

        public Builder recordKind(LogRecordKind kind) {
            this.recordKind = kind;
            return this;
        }

        public Builder exception(ExceptionInfo info) {
            this.exception = info;
            return this;
        }

        public Builder sequential(SequentialTrace trace) {
            this.sequential = trace;
            return this;
        }

        public LogTemplateEvidence build() {
            return new LogTemplateEvidence(
                    description,
                    severity,
                    template,
                    signature,
                    location,
                    frame,
                    canaryCount,
                    stableCount,
                    canaryTotal,
                    stableTotal,
                    firstSeen,
                    samples,
                    source,
                    recordKind,
                    exception,
                    sequential);
        }
    }
}
