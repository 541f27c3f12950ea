package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.orchestrator.verification.FixCheck;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.FailureSignature;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.testing.Recordings;
import org.junit.jupiter.api.Test;

/**
 * The fix check on what the log analyst really reports: checkout's panicking canary, then its healthy
 * canary (the same service and pod-template hash), judged by `analyze`.
 */
class FixCheckOnRecordingsTest {

    private static final String URL = "https://github.com/shop/checkout/issues/7";

    private static Verdict analysed(String recording) throws Exception {
        CliRun run =
                CliRun.of("analyze", "--recording", Recordings.named(recording).toString(), "--json", "-q");
        return Json.mapper().readValue(run.out(), Verdict.class);
    }

    @Test
    void thePanicIsFoundAgainInItsOwnCanaryAndRuledOutOrWaitedForInTheHealthyOne() throws Exception {
        Verdict broken = analysed("go-panic-index-out-of-range");
        FailureSignature panic = FailureSignature.of(broken).orElseThrow();
        assertTrue(panic.template().startsWith("panic: runtime error: index out of range"), panic.template());
        assertEquals("main.go:42", panic.location());

        assertEquals(
                FixVerification.FixOutcome.FAILED,
                FixCheck.check(URL, "f00d", panic, broken).outcome());

        FixVerification healthy = FixCheck.check(URL, "f00d", panic, analysed("healthy-color-change"));
        assertTrue(healthy.seen() > 0, "the healthy canary's records were counted");
        assertEquals(
                healthy.seen() >= healthy.needed()
                        ? FixVerification.FixOutcome.VERIFIED
                        : FixVerification.FixOutcome.TOO_LITTLE_TRAFFIC,
                healthy.outcome(),
                healthy.text());
    }
}
