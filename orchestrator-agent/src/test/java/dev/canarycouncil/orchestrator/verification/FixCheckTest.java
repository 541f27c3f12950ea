package dev.canarycouncil.orchestrator.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
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
        assertEquals(Optional.of("main.go:42"), s.location());
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
    void aDifferentFailureLeavesTheEarlierOneToBeJudgedByItsAbsence() {
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
                FixVerification.FixOutcome.VERIFIED,
                r.outcome(),
                "the earlier failure is gone; the new one is its own");
    }
}
