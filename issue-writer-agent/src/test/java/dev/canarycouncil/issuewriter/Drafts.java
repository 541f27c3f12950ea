package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;

/** Analyses, verdicts and drafts for tests: the Go panic of the checkout canary, one analysis id per occurrence. */
public final class Drafts {

    public static final String ROOT_CAUSE =
            "panic: runtime error: index out of range [3] with length 3 (main.go:42, main.getColor)";

    private Drafts() {}

    public static AnalysisRequest analysis(String analysisId) {
        return AnalysisRequest.builder(
                        analysisId,
                        "shop",
                        new PodGroup("7c9d6f5b4", "h=7c9d6f5b4", List.of("checkout-7c9d6f5b4-abcde")),
                        new PodGroup("5f7d8c9b6", "h=5f7d8c9b6", List.of("checkout-5f7d8c9b6-fghij")),
                        new TimeWindow(Instant.parse("2026-05-05T10:00:00Z"), Instant.parse("2026-05-05T10:10:00Z")))
                .rollout("checkout")
                .service("checkout")
                .build();
    }

    public static Verdict panic(String analysisId) {
        Finding logs = new Finding(
                "log-analyst",
                Decision.ROLLBACK,
                94,
                "The canary panics.",
                List.of(new LogTemplateEvidence(
                        "Go panic on the canary: runtime error: index out of range [3] with length 3 at main.go:42 in main.getColor",
                        Severity.CRITICAL,
                        "panic: runtime error: index out of range [<*>] with length <*>",
                        "go-panic",
                        "main.go:42",
                        "main.getColor",
                        2,
                        0,
                        85,
                        926,
                        null,
                        List.of(
                                "panic: runtime error: index out of range [3] with length 3\n\n"
                                        + "goroutine 18 [running]:\nmain.getColor(...)\n\t/app/main.go:42\nmain.refreshColors(0xc0000a4000)\n"
                                        + "\t/app/main.go:55 +0x1b4\ncreated by main.main in goroutine 1\n\t/app/main.go:71 +0x2c5"),
                        "canary")),
                List.of());
        Finding metrics = new Finding(
                "metrics-agent",
                Decision.ROLLBACK,
                87,
                "Restarts on the canary.",
                List.of(new PromQlEvidence(
                        "restarts HIGH: canary 4.000 per pod vs stable 0.000 per pod",
                        Severity.CRITICAL,
                        "restarts",
                        "canary_query",
                        "stable_query",
                        4.0,
                        0.0,
                        Instant.parse("2026-05-05T10:00:00Z"),
                        Instant.parse("2026-05-05T10:10:00Z"),
                        "exact binomial test: HIGH")),
                List.of());
        return Verdict.builder()
                .analysisId(analysisId)
                .decision(Decision.ROLLBACK)
                .confidence(94)
                .rationale("log-analyst vetoed")
                .rootCause(ROOT_CAUSE)
                .remediation(
                        "Roll back checkout to stable 5f7d8c9b6, fix the failure at main.go:42, and release a new canary.")
                .findings(List.of(logs, metrics))
                .decidedAt(Instant.parse("2026-05-05T10:11:00Z"))
                .durationMs(1200)
                .build();
    }

    /** The draft of one occurrence of the panic; every occurrence has the same fingerprint. */
    public static IssueDraft panicDraft(String analysisId) {
        return new IssueDrafter(List.of("canary-rollback")).draft(analysis(analysisId), panic(analysisId));
    }
}
