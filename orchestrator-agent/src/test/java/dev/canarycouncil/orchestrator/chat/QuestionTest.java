package dev.canarycouncil.orchestrator.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.canarycouncil.orchestrator.chat.Question.Kind;
import org.junit.jupiter.api.Test;

class QuestionTest {

    @Test
    void theQuestionsOfTheIssueAreUnderstood() {
        assertEquals(Kind.WHY, Question.parse("Why was it rolled back?").kind());
        assertEquals(
                Kind.TEMPLATES,
                Question.parse("show the new error templates on the canary").kind());
        assertEquals(Kind.CODE, Question.parse("which code is suspect?").kind());
        assertEquals(Kind.ISSUE, Question.parse("draft the issue").kind());
        Question compare = Question.parse("compare p99 latency stable vs canary over the last 30 minutes");
        assertEquals(Kind.COMPARE, compare.kind());
        assertEquals("latency-p99", compare.argument());
        assertEquals(30, compare.minutes());
    }

    @Test
    void commandsAndMetricNames() {
        assertEquals(Kind.HELP, Question.parse("/help").kind());
        assertEquals(Kind.VERDICT, Question.parse("/verdict").kind());
        assertEquals("3", Question.parse("/evidence 3").argument());
        assertEquals("5xx-ratio", Question.parse("compare the error rate").argument());
        assertEquals("memory-per-pod", Question.parse("compare memory").argument());
        assertEquals("cpu-per-pod", Question.parse("compare cpu p95").argument(), "p95 of CPU is still CPU");
        assertEquals(0, Question.parse("compare p95").minutes(), "the whole window unless a span is asked");
        assertEquals("memory-growth", Question.parse("compare memory-growth").argument(), "a metric's own name wins");
        assertEquals(
                "latency-p99",
                Question.parse("compare latency-p99 over the last 5 minutes").argument());
        assertEquals(Kind.UNKNOWN, Question.parse("what's the weather like").kind());
    }
}
