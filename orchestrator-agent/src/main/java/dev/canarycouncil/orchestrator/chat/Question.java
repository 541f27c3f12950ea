package dev.canarycouncil.orchestrator.chat;

import dev.canarycouncil.runtime.schema.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a follow-up question asks, read by a small grammar: enough words of a known question, in
 * any order, are enough; anything else is {@link Kind#UNKNOWN} and answered with what is understood.
 *
 * @param kind     what is asked
 * @param argument the metric or evidence number asked about, or null
 * @param minutes  the time span for a comparison (the last N minutes of the window), or 0 for all of it
 */
public record Question(Kind kind, String argument, int minutes) {

    public enum Kind {
        HELP,
        VERDICT,
        WHY,
        TEMPLATES,
        EVIDENCE,
        COMPARE,
        CODE,
        ISSUE,
        UNKNOWN
    }

    private static final Pattern EVIDENCE = Pattern.compile("^/?evidence(?:\\s+(\\d+))?$");
    private static final Pattern COMPARE =
            Pattern.compile("\\bcompare\\s+(.+?)(?:\\s+(?:stable|canary|between|over|for|in)\\b.*)?$");
    private static final Pattern MINUTES = Pattern.compile("(?:last|past)\\s+(\\d+)\\s*(?:m|min|mins|minutes)\\b");
    private static final Pattern P_QUANTILE = Pattern.compile("\\bp(50|90|95|99)\\b");

    public static Question parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[?!.]+$", "");
        if (t.isEmpty() || t.equals("help") || t.equals("/help") || t.equals("?")) {
            return of(Kind.HELP);
        }
        Matcher evidence = EVIDENCE.matcher(t);
        if (evidence.matches()) {
            return new Question(Kind.EVIDENCE, evidence.group(1), 0);
        }
        if (t.equals("/verdict")
                || t.equals("verdict")
                || t.startsWith("what is the verdict")
                || t.startsWith("what was the verdict")) {
            return of(Kind.VERDICT);
        }
        Matcher compare = COMPARE.matcher(t);
        if (compare.find()
                || t.contains(" vs ")
                        && (t.contains("latency")
                                || t.contains("error")
                                || t.contains("memory")
                                || t.contains("cpu"))) {
            Matcher minutes = MINUTES.matcher(t);
            return new Question(Kind.COMPARE, metricWords(t), minutes.find() ? Integer.parseInt(minutes.group(1)) : 0);
        }
        if (t.startsWith("why")
                || t.contains("root cause")
                || t.contains("rolled back")
                || t.contains("what went wrong")) {
            return of(Kind.WHY);
        }
        if (t.contains("template")
                || t.contains("new error")
                || t.contains("log line")
                || t.contains("errors on the canary")) {
            return of(Kind.TEMPLATES);
        }
        if (t.contains("code") || t.contains("suspect") || t.contains("which file")) {
            return of(Kind.CODE);
        }
        if (t.contains("issue") || t.contains("draft")) {
            return of(Kind.ISSUE);
        }
        return new Question(Kind.UNKNOWN, text == null ? "" : text.strip(), 0);
    }

    /** Where the asked span starts: the last {@link #minutes()} of the window, or all of it; never before it. */
    public Instant from(TimeWindow window) {
        if (minutes <= 0) {
            return window.start();
        }
        Instant from = window.end().minus(Duration.ofMinutes(minutes));
        return from.isBefore(window.start()) ? window.start() : from;
    }

    /** The metric words of a comparison, normalised towards the default metric names ("p99 latency" -> "latency-p99"). */
    static String metricWords(String t) {
        Matcher named = COMPARE.matcher(t);
        if (named.find() && named.group(1).strip().matches("[a-z0-9]+(?:-[a-z0-9]+)+")) {
            // A metric named as the metrics agent names it ("memory-growth", "latency-p99") is taken as it is.
            return named.group(1).strip();
        }
        Matcher p = P_QUANTILE.matcher(t);
        if (p.find() && !t.contains("cpu") && !t.contains("memory")) {
            return "latency-p" + p.group(1);
        }
        if (t.contains("5xx") || t.contains("error rate") || t.contains("errors")) {
            return "5xx-ratio";
        }
        if (t.contains("memory growth") || t.contains("leak")) {
            return "memory-growth";
        }
        if (t.contains("memory")) {
            return "memory-per-pod";
        }
        if (t.contains("cpu")) {
            return "cpu-per-pod";
        }
        if (t.contains("restart")) {
            return "restarts";
        }
        Matcher compare = COMPARE.matcher(t);
        return compare.find() ? compare.group(1).strip().replace(' ', '-') : t;
    }

    private static Question of(Kind kind) {
        return new Question(kind, null, 0);
    }

    static final String UNDERSTOOD = String.join(
            "\n",
            "I understand:",
            "  why was it rolled back?          the decision, its reasons and the root cause",
            "  show the new error templates     log templates that are new or more frequent on the canary",
            "  compare p99 latency [over the last 30 minutes]   stable vs canary series of a metric",
            "  which code is suspect?           the code the issue quotes",
            "  draft the issue                  the remediation issue",
            "  /verdict   /evidence [N]   /help");
}
