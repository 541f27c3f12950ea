package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.logs.LogMessages;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Verdict;

/**
 * The title a maintainer would write, from the strongest evidence: the crash with its message,
 * function and line ("Canary 7c9d6f5b4 of checkout panics: index out of range in getColor
 * (main.go:42)"), else the OOM kill, else the failing metric with canary and stable values and
 * the logged cause, else the pod state or the error message; the verdict's root cause last.
 */
final class IssueTitle {

    static final int MAX_LENGTH = 120;

    private IssueTitle() {}

    static String of(AnalysisRequest analysis, Verdict verdict, FailureReading failure) {
        String subject = "Canary " + analysis.canary().podTemplateHash() + " of " + analysis.service();
        String title = switch (failure.kind()) {
            case CRASH -> crash(subject, failure);
            case OOM ->
                subject + " is OOMKilled"
                        + suffix(": ", failure.memory() == null ? null : MetricText.versus(failure.memory()))
                        + restarts(failure.oom().restarts());
            case METRIC -> subject + ": " + MetricText.versus(failure.metric()) + suffix(" (", cause(failure), ")");
            case POD ->
                subject + " is in " + failure.pod().condition() + suffix(": ", cause(failure))
                        + restarts(failure.pod().restarts());
            case ERROR_LOG -> subject + " logs a new error: " + cause(failure);
            case SLOWER ->
                subject + " is slower: p95 "
                        + failure.slower().unit().format(failure.slower().canaryP95()) + " against "
                        + failure.slower().unit().format(failure.slower().stableP95())
                        + suffix(
                                " (",
                                FailureReading.headline(
                                        LogMessages.message(failure.slower().template())),
                                ")");
            case UNKNOWN -> subject + ": " + fallback(verdict);
        };
        return Markdown.shorten(Markdown.oneLine(title), MAX_LENGTH);
    }

    private static String crash(String subject, FailureReading failure) {
        String headline = failure.crashHeadline();
        String place = failure.crashPlace();
        String title = subject + " " + failure.crashVerb() + suffix(": ", headline);
        if (place != null) {
            title += (failure.crash().frame() == null ? " at " : " in ") + place;
        }
        return title;
    }

    /** The logged error behind a symptom, in a few words, or null. */
    private static String cause(FailureReading failure) {
        return failure.error() == null
                ? null
                : FailureReading.headline(LogMessages.message(failure.error().template()));
    }

    private static String restarts(int restarts) {
        return restarts > 0 ? " (" + restarts + (restarts == 1 ? " restart)" : " restarts)") : "";
    }

    private static String fallback(Verdict verdict) {
        String cause = verdict.rootCause();
        return cause == null || cause.isBlank() || cause.equals("undetermined") ? "rolled back" : cause;
    }

    private static String suffix(String before, String text) {
        return suffix(before, text, "");
    }

    private static String suffix(String before, String text, String after) {
        return text == null || text.isBlank() ? "" : before + text + after;
    }
}
