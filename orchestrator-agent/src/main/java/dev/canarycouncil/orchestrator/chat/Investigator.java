package dev.canarycouncil.orchestrator.chat;

import dev.canarycouncil.orchestrator.council.VerdictSummary;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.RangeSeries;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers follow-up questions about one verdict with its evidence: the reasons, the log
 * templates, a metric's stable and canary series (queried again through the MCP tools, with the
 * queries the metrics agent used), the suspect code and the issue. No model is involved: what it
 * does not understand, it says, listing what it does.
 */
public final class Investigator {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final McpToolClient tools;
    private final Optional<ModelAnswers> model;
    private final Optional<MemberQuestions> members;

    /** Without a model or members to ask: the grammar answers from the verdict, and says what it understands. */
    public Investigator(McpToolClient tools) {
        this(tools, Optional.empty(), Optional.empty());
    }

    /**
     * @param model   answers free-text questions the grammar does not know; without it the grammar alone answers
     * @param members routes questions to the specialist that knows (metrics to the metrics agent); without them
     *                the coordinator answers from the verdict
     */
    public Investigator(McpToolClient tools, Optional<ModelAnswers> model, Optional<MemberQuestions> members) {
        this.tools = tools;
        this.model = model;
        this.members = members;
    }

    public Answer answer(
            Investigations.Investigation investigation, String text, dev.canarycouncil.runtime.agent.Progress progress)
            throws InterruptedException {
        Question q = Question.parse(text);
        if (members.isPresent() && investigation.request() != null) {
            MemberQuestions ask = members.get();
            var routed = q.kind() == Question.Kind.COMPARE
                    ? ask.compare(investigation, q, text, progress)
                    : q.kind() == Question.Kind.TEMPLATES
                            ? ask.templates(investigation, q, text, progress)
                            : java.util.Optional.<Answer>empty();
            if (routed.isPresent()) {
                return routed.get();
            }
        }
        return answer(investigation.contextId(), investigation.verdict(), text);
    }

    public Answer answer(String contextId, Verdict v, String text) throws InterruptedException {
        Question q = Question.parse(text);
        if (q.kind() == Question.Kind.UNKNOWN && model.isPresent()) {
            ModelAnswers answers = model.get();
            var outcome = answers.answer(v, text);
            if (outcome.answered()) {
                return new Answer(
                        contextId,
                        text,
                        "model",
                        outcome.value(),
                        java.util.Map.of(
                                "model",
                                answers.model(),
                                "tokens",
                                outcome.usage().totalTokens()));
            }
            return answer(
                    contextId,
                    text,
                    q,
                    "The model could not answer (" + outcome.detail() + "). " + Question.UNDERSTOOD,
                    null);
        }
        return switch (q.kind()) {
            case HELP, UNKNOWN ->
                answer(
                        contextId,
                        text,
                        q,
                        (q.kind() == Question.Kind.UNKNOWN ? "I did not understand \"" + q.argument() + "\". " : "")
                                + Question.UNDERSTOOD,
                        null);
            case VERDICT -> answer(contextId, text, q, VerdictSummary.of(v), null);
            case WHY -> answer(contextId, text, q, why(v), null);
            case TEMPLATES -> answer(contextId, text, q, templates(v), null);
            case EVIDENCE -> answer(contextId, text, q, evidence(v, q.argument()), null);
            case CODE -> answer(contextId, text, q, code(v), null);
            case ISSUE -> answer(contextId, text, q, issue(v), null);
            case COMPARE -> compare(contextId, text, q, v);
        };
    }

    private static Answer answer(String contextId, String text, Question q, String body, Object data) {
        return new Answer(contextId, text, q.kind().name().toLowerCase(Locale.ROOT), body, data);
    }

    private static String why(Verdict v) {
        return v.decision() + " with " + v.confidence() + "% confidence.\n"
                + (v.analysis() == null || v.analysis().isBlank()
                        ? ""
                        : v.analysis().strip() + "\n")
                + "Root cause: " + v.rootCause() + "\nHow the votes were weighed: " + v.rationale();
    }

    private static String templates(Verdict v) {
        List<LogTemplateEvidence> templates = v.findings().stream()
                .flatMap(f -> f.evidence().stream())
                .filter(LogTemplateEvidence.class::isInstance)
                .map(LogTemplateEvidence.class::cast)
                .sorted(Comparator.comparing(Evidence::severity).reversed())
                .toList();
        if (templates.isEmpty()) {
            return "No log template stood out on the canary: nothing new, and nothing significantly more frequent than on the stable.";
        }
        StringBuilder b = new StringBuilder("Log templates that stand out on the canary:\n");
        for (LogTemplateEvidence t : templates) {
            b.append(String.format(
                    Locale.ROOT,
                    "- [%s] %s%n    canary %d of %d records, stable %d of %d%s%n",
                    t.severity().name().toLowerCase(Locale.ROOT),
                    t.template(),
                    t.canaryCount(),
                    t.canaryTotal(),
                    t.stableCount(),
                    t.stableTotal(),
                    t.location() == null ? "" : ", at " + t.location()));
        }
        return b.toString().strip();
    }

    private static String evidence(Verdict v, String number) {
        List<Finding> findings = v.findings();
        if (findings.isEmpty()) {
            return "The verdict has no findings.";
        }
        if (number == null) {
            StringBuilder b = new StringBuilder("Findings (ask /evidence N for one):\n");
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                b.append(i + 1)
                        .append(". ")
                        .append(f.agent())
                        .append(": ")
                        .append(f.verdict())
                        .append(" (")
                        .append(f.confidence())
                        .append("%) ")
                        .append(f.summary())
                        .append('\n');
            }
            return b.toString().strip();
        }
        int n = Integer.parseInt(number);
        if (n < 1 || n > findings.size()) {
            return "There are " + findings.size() + " findings; ask /evidence 1 to /evidence " + findings.size() + ".";
        }
        Finding f = findings.get(n - 1);
        return f.agent() + ": " + f.verdict() + " (" + f.confidence() + "%) " + f.summary() + "\n"
                + f.evidence().stream()
                        .map(e -> "- [" + e.severity().name().toLowerCase(Locale.ROOT) + "] " + e.description())
                        .collect(Collectors.joining("\n"))
                + (f.notes().isEmpty() ? "" : "\nNotes: " + String.join("; ", f.notes()));
    }

    private static String code(Verdict v) {
        if (v.issue() == null || v.issue().body() == null) {
            return "No code is suspect: the issue writer only looks up code for a rollback.";
        }
        if (!v.issue().suspectCode().isBlank()) {
            return v.issue().suspectCode();
        }
        // An issue writer that predates the structured section: its body holds it.
        String body = v.issue().body();
        int start = body.indexOf("## Suspect code");
        if (start < 0) {
            return "The issue names no suspect code (no repository was configured, or no stack frame pointed into one).";
        }
        int end = body.indexOf("\n## ", start + 3);
        return body.substring(start, end < 0 ? body.length() : end).strip();
    }

    private static String issue(Verdict v) {
        if (v.issue() == null) {
            return "No remediation issue: issues are drafted for rollbacks only, and this verdict is " + v.decision()
                    + ".";
        }
        return v.issue().title() + "\n" + v.issue().state()
                + (v.issue().url() == null ? "" : " " + v.issue().url())
                + (v.issue().detail() == null ? "" : " (" + v.issue().detail() + ")") + "\n\n"
                + v.issue().body();
    }

    private Answer compare(String contextId, String text, Question q, Verdict v) {
        List<PromQlEvidence> metrics = v.findings().stream()
                .flatMap(f -> f.evidence().stream())
                .filter(PromQlEvidence.class::isInstance)
                .map(PromQlEvidence.class::cast)
                .toList();
        String wanted = q.argument() == null ? "" : q.argument();
        PromQlEvidence m = metrics.stream()
                .filter(e -> e.metric().equalsIgnoreCase(wanted))
                .findFirst()
                .or(() -> metrics.stream()
                        .filter(e -> e.metric().contains(wanted) || wanted.contains(e.metric()))
                        .findFirst())
                .orElse(null);
        if (m == null) {
            return answer(
                    contextId,
                    text,
                    q,
                    "The metrics agent compared no metric called \"" + wanted + "\"; it compared: "
                            + metrics.stream().map(PromQlEvidence::metric).collect(Collectors.joining(", ")) + ".",
                    null);
        }
        Instant end = v.subject().window().end();
        Instant start = q.from(v.subject().window());
        try {
            MetricSeries series = new MetricSeries(
                    m.metric(), unitOf(m), range(m.canaryQuery(), start, end), range(m.stableQuery(), start, end));
            String body = m.description() + "\n"
                    + String.format(
                            Locale.ROOT,
                            "Over %s to %s: canary %s, stable %s.",
                            start,
                            end,
                            RangeSeries.summary(series.canary()),
                            RangeSeries.summary(series.stable()))
                    + "\ncanary: " + m.canaryQuery() + "\nstable: " + m.stableQuery();
            return answer(contextId, text, q, body, series);
        } catch (RuntimeException e) {
            return answer(
                    contextId,
                    text,
                    q,
                    m.description() + "\n(The series could not be read again: " + e.getMessage() + ")",
                    null);
        }
    }

    private List<double[]> range(String query, Instant start, Instant end) {
        return RangeSeries.points(tools.call(
                "promql_query_range",
                Map.of(
                        "query",
                        query,
                        "start",
                        start.toString(),
                        "end",
                        end.toString(),
                        "step",
                        STEP.toSeconds() + "s")));
    }

    /** The unit the metrics agent sent; read from the description only for members that send none. */
    private static String unitOf(PromQlEvidence m) {
        if (m.unit() != null) {
            return m.unit();
        }
        String d = m.description() == null ? "" : m.description();
        return d.contains(" ms ") || d.contains(" ms)") || m.metric().startsWith("latency")
                ? "s"
                : d.contains("%") ? "ratio" : d.contains("MiB") ? "bytes" : "";
    }
}
