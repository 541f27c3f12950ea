package dev.canarycouncil.orchestrator.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.FailureSignature;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Go panic on one record in a hundred, then later canaries of the same service: fixed, still broken, too quiet. */
class FixCheckTest {

    private static final String URL = "https://github.com/shop/checkout/issues/7";

    private static final String PANIC = "panic: runtime error: index out of range [<*>] with length <*>";

    private static LogTemplateEvidence template(String text, String location, long count, long total) {
        return LogTemplateEvidence.builder("new on the canary", Severity.CRITICAL, text)
                .crash("go-panic", location, "main.getColor")
                .counts(count, 0, total, 10_000)
                .build();
    }

    private static LogCoverageEvidence coverage(long records) {
        return new LogCoverageEvidence("Canary logs", Severity.INFO, "canary", records, records, 1.0, List.of());
    }

    private static Verdict verdict(String canary, Decision decision, List<Evidence> evidence) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        return Verdict.builder()
                .analysisId("a-" + canary)
                .subject(new VerdictSubject(
                        "shop", "checkout", "checkout", canary, "5f7d8c9b6", new TimeWindow(t.minusSeconds(600), t)))
                .decision(decision)
                .confidence(90)
                .findings(List.of(new Finding("log-analyst", decision, 90, "logs", evidence, List.of())))
                .build();
    }

    private static final Verdict BROKEN =
            verdict("7c9d6f5b4", Decision.ROLLBACK, List.of(coverage(2_000), template(PANIC, "main.go:42", 20, 2_000)));

    @Test
    void theSignatureIsTheRollbacksFailingTemplateWithItsRate() {
        FailureSignature s = FailureSignature.of(BROKEN).orElseThrow();
        assertEquals(PANIC, s.template());
        assertEquals("main.go:42", s.location());
        assertEquals(0.01, s.rate(), 1e-12);
        assertEquals(Optional.empty(), FailureSignature.of(verdict("x", Decision.PROMOTE, List.of(coverage(10)))));
    }

    @Test
    void absentOverEnoughRecordsVerifiesTheFix() {
        FixVerification r = FixCheck.check(
                URL,
                "f00d",
                FailureSignature.of(BROKEN).orElseThrow(),
                verdict("9a8b7c6d5", Decision.PROMOTE, List.of(coverage(5_000))));
        assertEquals(FixVerification.FixOutcome.VERIFIED, r.outcome());
        assertEquals(459, r.needed());
        assertEquals(5_000, r.seen());
        assertTrue(r.text().startsWith("not seen in canary 9a8b7c6d5 over 5000 records"), r.text());
    }

    @Test
    void presentAgainIsAFailedFixEvenAtAnotherLineOfTheSameTemplate() {
        FixVerification r = FixCheck.check(
                URL,
                "f00d",
                FailureSignature.of(BROKEN).orElseThrow(),
                verdict(
                        "9a8b7c6d5",
                        Decision.ROLLBACK,
                        List.of(coverage(3_000), template(PANIC, "main.go:57", 3, 3_000))));
        assertEquals(FixVerification.FixOutcome.FAILED, r.outcome());
        assertEquals(3, r.occurrences());
    }

    @Test
    void tooFewRecordsCannotTell() {
        FixVerification r = FixCheck.check(
                URL,
                "f00d",
                FailureSignature.of(BROKEN).orElseThrow(),
                verdict("9a8b7c6d5", Decision.PROMOTE, List.of(coverage(120))));
        assertEquals(FixVerification.FixOutcome.TOO_LITTLE_TRAFFIC, r.outcome());
        assertTrue(r.text().contains("459 are needed"), r.text());
    }

    @Test
    void aCanaryWhoseLogsWereNotReadNeverVerifiesAFix() {
        FixVerification r = FixCheck.check(
                URL,
                "f00d",
                FailureSignature.of(BROKEN).orElseThrow(),
                verdict("9a8b7c6d5", Decision.PROMOTE, List.of()));
        assertEquals(FixVerification.FixOutcome.TOO_LITTLE_TRAFFIC, r.outcome());
        assertEquals(0, r.seen());
    }

    @Test
    void aCanaryThatFailsOtherwiseDecidesNothingAboutTheEarlierFix() {
        FixVerification r = FixCheck.check(
                URL,
                "f00d",
                FailureSignature.of(BROKEN).orElseThrow(),
                verdict(
                        "9a8b7c6d5",
                        Decision.ROLLBACK,
                        List.of(
                                coverage(4_000),
                                template(
                                        "panic: runtime error: invalid memory address or nil pointer dereference",
                                        "cart.go:88",
                                        40,
                                        4_000))));
        assertEquals(
                FixVerification.FixOutcome.NOT_CHECKED,
                r.outcome(),
                "a rolled-back canary may never have reached the fixed code");
        assertTrue(r.text().contains("failed otherwise"), r.text());
        assertFalse(r.outcome().decided(), "nothing is posted on the issue");
    }

    private static LogTemplateEvidence surge(long count, long total) {
        return LogTemplateEvidence.builder("errors", Severity.ERROR, LogTemplateEvidence.ERROR_AGGREGATE)
                .counts(count, 0, total, 10_000)
                .build();
    }

    @Test
    void theOverallErrorSurgeIsTheSignatureOnlyWhenNoMessageNamesTheFailure() {
        Verdict both = verdict(
                "7c9d6f5b4",
                Decision.ROLLBACK,
                List.of(coverage(2_000), surge(300, 2_000), template(PANIC, "main.go:42", 20, 2_000)));
        assertEquals(PANIC, FailureSignature.of(both).orElseThrow().template(), "the message, though rarer");

        FailureSignature surgeOnly = FailureSignature.of(
                        verdict("7c9d6f5b4", Decision.ROLLBACK, List.of(coverage(2_000), surge(300, 2_000))))
                .orElseThrow();
        assertTrue(surgeOnly.matches(surge(10, 3_000)), "a surge again");
        LogTemplateEvidence otherWithNoLocation = LogTemplateEvidence.builder(
                        "new", Severity.ERROR, "connection refused <*>")
                .counts(5, 0, 3_000, 10_000)
                .build();
        assertFalse(surgeOnly.matches(otherWithNoLocation), "one message is not the earlier surge");
    }
}
