package dev.canarycouncil.issuewriter.code;

import dev.canarycouncil.runtime.logs.LogMessages;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the evidence says about where in the code to look: stack frames ({@code file:line}),
 * functions named without a line, literal log or error messages the code may print, and
 * symptoms worth looking for in the files found (a timeout when calls hit their deadline).
 *
 * @param frames     frames to quote, strongest first
 * @param functions  functions to find by name
 * @param messages   literal texts to find, e.g. {@code charge failed}
 * @param symptoms   texts to look for inside the files the other clues lead to, e.g. {@code timeout}
 */
public record CodeClues(
        List<SourceFrame> frames, List<String> functions, List<String> messages, List<String> symptoms) {

    /** The failing frame and its caller; deeper frames are mostly plumbing. */
    static final int MAX_FRAMES = 2;

    static final int MAX_MESSAGES = 2;
    /** The log analyst's "share of error records" evidence: a statistic, not a message any code prints. */
    /** Shorter literals match too much code to point at anything. */
    private static final int MIN_MESSAGE = 8;

    public CodeClues {
        frames = List.copyOf(frames);
        functions = List.copyOf(functions);
        messages = List.copyOf(messages);
        symptoms = List.copyOf(symptoms);
    }

    public boolean isEmpty() {
        return frames.isEmpty() && functions.isEmpty() && messages.isEmpty();
    }

    /** The clues in the evidence that argues for the rollback, strongest evidence first. */
    public static CodeClues of(Verdict verdict) {
        List<LogTemplateEvidence> logs = verdict.findings().stream()
                .filter(f -> f.verdict() == Decision.ROLLBACK)
                .map(Finding::evidence)
                .flatMap(List::stream)
                .filter(e -> e.severity().compareTo(Severity.ERROR) >= 0)
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .sorted(Comparator.comparing(Evidence::severity).reversed())
                .toList();
        Set<SourceFrame> frames = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        Set<String> messages = new LinkedHashSet<>();
        Set<String> symptoms = new LinkedHashSet<>();
        for (LogTemplateEvidence l : logs) {
            SourceFrame top = topFrame(l);
            if (top != null) {
                frames.add(top);
            }
            if (!l.samples().isEmpty()) {
                // The sample's trace also names the callers, which often hold the actual mistake.
                for (SourceFrame f : StackFrames.parse(l.samples().get(0))) {
                    if (top == null || !f.location().endsWith(top.basename() + ":" + top.line())) {
                        frames.add(new SourceFrame(f.file(), f.line(), f.function(), top == null ? "frame" : "caller"));
                    }
                }
            }
            if (top == null && l.frame() != null) {
                functions.add(l.frame());
            }
            if (l.location() == null && l.signature() == null && !l.aggregate()) {
                String constant = constantPart(LogMessages.message(l.template()));
                if (constant != null) {
                    messages.add(constant);
                }
            }
            String text = (l.template() + " " + String.join(" ", l.samples())).toLowerCase(Locale.ROOT);
            if (text.contains("deadline exceeded") || text.contains("timed out") || text.contains("timeout")) {
                symptoms.add("timeout");
            }
        }
        return new CodeClues(
                frames.stream().limit(MAX_FRAMES).toList(),
                List.copyOf(functions),
                messages.stream().limit(MAX_MESSAGES).toList(),
                List.copyOf(symptoms));
    }

    private static SourceFrame topFrame(LogTemplateEvidence l) {
        if (l.location() == null) {
            return null;
        }
        int colon = l.location().lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            int line = Integer.parseInt(l.location().substring(colon + 1).trim());
            return new SourceFrame(
                    l.location().substring(0, colon),
                    line,
                    l.frame(),
                    l.signature() == null ? "logged at" : "failing frame");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The literal start of a log message, up to its first variable: what a {@code Printf} or
     * {@code Errorf} format string in the code begins with. {@code charge failed: context deadline
     * exceeded calling payments:8080/v1/charge after <*>} gives {@code charge failed}: text after
     * a {@code ": "} is usually a wrapped error from elsewhere.
     */
    static String constantPart(String message) {
        if (message == null) {
            return null;
        }
        String text = message.strip();
        int variable = text.indexOf("<*>");
        if (variable >= 0) {
            text = text.substring(0, variable);
        }
        int wrapped = text.indexOf(": ");
        if (wrapped >= MIN_MESSAGE) {
            text = text.substring(0, wrapped);
        }
        text = text.replaceAll("[\\s\"'=:\\[(]+$", "").strip();
        return text.length() >= MIN_MESSAGE ? text : null;
    }
}
