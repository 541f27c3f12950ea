package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.logs.ExceptionLine;
import dev.canarycouncil.runtime.logs.LogMessages;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kind of failure a rollback verdict describes, read from its strongest evidence: a crash
 * names the code, an OOM kill names the resource, a metric regression names the symptom and an
 * error log names the message. The title and the fix direction are written from this.
 *
 * @param kind    the kind of failure the title is written for
 * @param crash   the crash's log evidence (a panic, an exception, a traceback), or null
 * @param oom     the OOM kill, or null
 * @param pod     the strongest other pod condition (e.g. CrashLoopBackOff), or null
 * @param metric  the strongest failing metric, or null
 * @param memory  the memory metric, whatever its result, or null
 * @param error   the strongest error log template that is not a crash, or null
 * @param slower  requests the logs show slower on the canary, or null
 */
record FailureReading(
        Kind kind,
        LogTemplateEvidence crash,
        PodConditionEvidence oom,
        PodConditionEvidence pod,
        PromQlEvidence metric,
        PromQlEvidence memory,
        LogTemplateEvidence error,
        LogLatencyEvidence slower) {

    enum Kind {
        CRASH,
        OOM,
        METRIC,
        POD,
        ERROR_LOG,
        SLOWER,
        UNKNOWN
    }

    /** The aggregate "share of error records" evidence names no message. */
    private static final Pattern PREFIXES =
            Pattern.compile("^(?i:(?:panic|fatal error|runtime error|error|fatal|exception):\\s*)+");

    static FailureReading of(Verdict verdict) {
        List<Evidence> against = verdict.findings().stream()
                .filter(f -> f.verdict() == Decision.ROLLBACK)
                .map(Finding::evidence)
                .flatMap(List::stream)
                .filter(e -> e.severity().compareTo(Severity.ERROR) >= 0)
                .sorted(Comparator.comparing(Evidence::severity).reversed())
                .toList();
        LogTemplateEvidence crash =
                first(against, LogTemplateEvidence.class, l -> l.signature() != null || l.location() != null);
        PodConditionEvidence oom = first(against, PodConditionEvidence.class, p -> "OOMKilled".equals(p.condition()));
        PodConditionEvidence pod = first(against, PodConditionEvidence.class, p -> !"OOMKilled".equals(p.condition()));
        PromQlEvidence metric = first(against, PromQlEvidence.class, p -> true);
        PromQlEvidence memory = verdict.findings().stream()
                .map(Finding::evidence)
                .flatMap(List::stream)
                .filter(PromQlEvidence.class::isInstance)
                .map(PromQlEvidence.class::cast)
                .filter(p -> p.metric() != null
                        && p.metric().toLowerCase(Locale.ROOT).contains("memory"))
                .findFirst()
                .orElse(null);
        LogTemplateEvidence error = first(against, LogTemplateEvidence.class, l -> l != crash && !l.aggregate());
        Kind kind = crash != null
                ? Kind.CRASH
                : oom != null
                        ? Kind.OOM
                        : metric != null
                                ? Kind.METRIC
                                : pod != null ? Kind.POD : error != null ? Kind.ERROR_LOG : Kind.UNKNOWN;
        LogLatencyEvidence slower = first(against, LogLatencyEvidence.class, t -> true);
        if (kind == Kind.UNKNOWN && slower != null) {
            kind = Kind.SLOWER;
        }
        return new FailureReading(kind, crash, oom, pod, metric, memory, error, slower);
    }

    private static <T extends Evidence> T first(
            List<Evidence> evidence, Class<T> type, java.util.function.Predicate<T> test) {
        return evidence.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(test)
                .findFirst()
                .orElse(null);
    }

    /** How the crash shows: "panics", "throws NullPointerException", "raises KeyError". */
    String crashVerb() {
        String signature = crash.signature() == null ? "" : crash.signature();
        String head = crashText().strip();
        if (head.startsWith("fatal error")) {
            return "hits a fatal error";
        }
        if (signature.equals("go-panic") || signature.equals("rust-panic") || head.startsWith("panic:")) {
            return "panics";
        }
        Optional<String> exception = exceptionType();
        return switch (signature) {
            case "java-exception", "node-error" ->
                exception.map(t -> "throws " + t).orElse("throws");
            case "python-traceback", "ruby-exception" ->
                exception.map(t -> "raises " + t).orElse("raises an exception");
            case "go-error" -> "fails";
            case "fatal-message" -> "exits on a fatal error";
            default -> exception.map(t -> "throws " + t).orElse("fails");
        };
    }

    /** The crash's message in a few words, e.g. "index out of range". */
    String crashHeadline() {
        if (crash.exception() != null && !crash.exception().message().isBlank()) {
            return headline(crash.exception().message());
        }
        Optional<ExceptionLine> exception = ExceptionLine.last(crashText());
        if (exception.isPresent()) {
            return exception.get().message() == null
                    ? null
                    : headline(exception.get().message());
        }
        String fromTemplate = headline(LogMessages.message(crash.template()));
        // A template can be all variables ("panic: <*>"); the sample then says what it was.
        return fromTemplate != null || crash.samples().isEmpty()
                ? fromTemplate
                : headline(LogMessages.message(crash.samples().get(0)));
    }

    private String crashText() {
        return crash.samples().isEmpty()
                ? String.valueOf(crash.template())
                : crash.samples().get(0);
    }

    /** Where the crash happened, for a title: "getColor (main.go:42)" or "Cart.total (Cart.java:42)". */
    String crashPlace() {
        String function = crash.frame();
        String location = crash.location();
        if (function == null) {
            return location == null ? null : location;
        }
        boolean jvm = location != null && location.matches(".*\\.(java|kt|scala):\\d+$");
        String[] parts = function.replaceAll("\\(.*?\\)\\.", "").split("\\.");
        String name = jvm && parts.length >= 2
                ? parts[parts.length - 2] + "." + parts[parts.length - 1]
                : parts[parts.length - 1];
        return location == null ? name : name + " (" + location + ")";
    }

    /** The root cause of the crash's exception chain: the last exception line of the sample. */
    Optional<String> exceptionType() {
        if (crash.exception() != null && !"panic".equals(crash.exception().type())) {
            String type = crash.exception().type();
            int dot = Math.max(type.lastIndexOf('.'), Math.max(type.lastIndexOf(':'), type.lastIndexOf('\\')));
            return Optional.of(dot >= 0 ? type.substring(dot + 1) : type);
        }
        return ExceptionLine.last(crashText()).map(ExceptionLine::type);
    }

    /**
     * A failure message in a few words a maintainer would put in a title: the innermost cause of
     * a {@code a: b: c} chain, up to its first variable part. {@code charge failed: context deadline
     * exceeded calling payments:8080/v1/charge after <*>} gives {@code context deadline exceeded calling payments}.
     */
    static String headline(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String text =
                PREFIXES.matcher(message.lines().findFirst().orElse("").strip()).replaceFirst("");
        String[] chain = text.split(": ");
        String words = constantWords(chain[chain.length - 1]);
        if (words.split(" ").length < 2 && chain.length > 1) {
            // "EOF" alone says little; its context does: "upstream: EOF".
            String outer = constantWords(chain[chain.length - 2]);
            words = outer.isBlank() ? words : words.isBlank() ? outer : outer + ": " + words;
        }
        if (words.isBlank()) {
            words = text.replace("<*>", "…");
        }
        return words.chars().anyMatch(Character::isLetter) ? Markdown.shorten(words.strip(), 80) : null;
    }

    /** Words up to the first one that varies between occurrences (numbers, ids, key=value, paths). */
    private static String constantWords(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            // payments:8080/v1/charge names the callee ("payments") before its variable address.
            int cut = indexOfAny(word, ":/");
            String keep = cut >= 0 ? word.substring(0, cut) : word;
            if (keep.contains("<*>")
                    || keep.contains("=")
                    || keep.matches("^[\\[({\"'].*")
                    || keep.matches(".*\\d.*")) {
                break;
            }
            if (!keep.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(keep);
            }
            if (cut >= 0) {
                break;
            }
        }
        return out.toString().replaceAll("[,;.:]+$", "");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
