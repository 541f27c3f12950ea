package dev.canarycouncil.issuewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.DurationUnit;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Titles from the strongest evidence, and the few words of a message that go into them. */
class IssueTitleTest {

    private static String title(Evidence... evidence) {
        Verdict v = Verdict.builder()
                .analysisId("id-1")
                .decision(Decision.ROLLBACK)
                .confidence(90)
                .rationale("vetoed")
                .rootCause("the canary failed")
                .remediation("fix it")
                .findings(List.of(new Finding("agent", Decision.ROLLBACK, 90, "bad", List.of(evidence), List.of())))
                .decidedAt(Instant.now())
                .durationMs(1)
                .build();
        return new IssueDrafter(List.of()).draft(Drafts.analysis("id-1"), v).title();
    }

    private static LogTemplateEvidence log(
            String template, String signature, String location, String frame, String sample) {
        return new LogTemplateEvidence(
                "d",
                Severity.CRITICAL,
                template,
                signature,
                location,
                frame,
                1,
                0,
                10,
                10,
                null,
                sample == null ? List.of() : List.of(sample),
                "canary");
    }

    @Test
    void headlinesKeepTheConstantWordsOfTheInnermostCause() {
        assertEquals(
                "index out of range",
                FailureReading.headline("panic: runtime error: index out of range [<*>] with length <*>"));
        assertEquals(
                "context deadline exceeded calling payments",
                FailureReading.headline(
                        "charge failed: context deadline exceeded calling payments:8080/v1/charge after <*> order=<*>"));
        assertEquals(
                "connection reset by peer",
                FailureReading.headline("read tcp 10.0.0.1:4711: connection reset by peer"));
        assertEquals("upstream: EOF", FailureReading.headline("upstream: EOF"));
        assertEquals(null, FailureReading.headline("<*>"));
    }

    @Test
    void aJavaExceptionNamesItsTypeMessageAndMethod() {
        assertEquals(
                "Canary 7c9d6f5b4 of checkout throws NullPointerException: Cannot invoke in Cart.total (Cart.java:42)",
                title(log(
                        "Exception in thread <*>",
                        "java-exception",
                        "Cart.java:42",
                        "com.example.Cart.total",
                        "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"Item.price()\" because x is null\n"
                                + "\tat com.example.Cart.total(Cart.java:42)")));
    }

    @Test
    void aPythonTracebackNamesTheRaisedError() {
        // A message that is only a value is kept as it is: "KeyError" alone would say less.
        assertEquals(
                "Canary 7c9d6f5b4 of checkout raises KeyError: 'sku' in price (prices.py:7)",
                title(
                        log(
                                "KeyError: <*>",
                                "python-traceback",
                                "prices.py:7",
                                "price",
                                "Traceback (most recent call last):\n  File \"/app/prices.py\", line 7, in price\nKeyError: 'sku'")));
    }

    @Test
    void aCrashLoopWithoutAStackTraceNamesThePodState() {
        assertEquals(
                "Canary 7c9d6f5b4 of checkout is in CrashLoopBackOff (3 restarts)",
                title(new PodConditionEvidence(
                        "crash loop", Severity.CRITICAL, "p", "canary", "app", "CrashLoopBackOff", null, 3, 1)));
    }

    @Test
    void aLatencyRegressionUsesTheAgentsUnits() {
        assertEquals(
                "Canary 7c9d6f5b4 of checkout: latency p99 230.0 ms vs 91.0 ms",
                title(new PromQlEvidence(
                        "latency-p99 HIGH: canary 230.0 ms vs stable 91.0 ms (x2.53)",
                        Severity.CRITICAL,
                        "latency-p99",
                        "q1",
                        "q2",
                        0.23,
                        0.091,
                        Instant.now(),
                        Instant.now(),
                        "Mann-Whitney: HIGH")));
    }

    @Test
    void requestsSlowerInTheLogsNameTheRequestAndItsTimes() {
        assertEquals(
                "Canary 7c9d6f5b4 of checkout is slower: p95 210 ms against 68.5 ms (request served)",
                title(new LogLatencyEvidence(
                        "Slower on the canary",
                        Severity.ERROR,
                        "time=\"<*>\" level=info msg=\"request served\" method=POST path=/api/orders status=200 duration=<*>",
                        DurationUnit.MILLISECONDS,
                        304,
                        912,
                        108,
                        210,
                        34.3,
                        68.5,
                        1e-40,
                        List.of(),
                        "canary")));
    }

    @Test
    void anErrorLogAloneIsQuoted() {
        assertEquals(
                "Canary 7c9d6f5b4 of checkout logs a new error: cannot load price list",
                title(new LogTemplateEvidence(
                        "New error",
                        Severity.ERROR,
                        "level=error msg=\"cannot load price list <*>\"",
                        null,
                        null,
                        null,
                        5,
                        0,
                        100,
                        100,
                        null,
                        List.of(),
                        "canary")));
    }

    @Test
    void titlesStayWithinTheLimit() {
        String t = title(log("panic: " + "very long words ".repeat(30), "go-panic", "main.go:1", "main.f", null));
        assertTrue(t.length() <= IssueTitle.MAX_LENGTH, t);
    }
}
