package dev.canarycouncil.issuewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.AgentFailure;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueDrafterTest {

    private static final AnalysisRequest REQUEST = AnalysisRequest.builder(
                    "id-1",
                    "shop",
                    new PodGroup("7c9d6f5b4", "h=7c9d6f5b4", List.of("checkout-7c9d6f5b4-abcde")),
                    new PodGroup("5f7d8c9b6", "h=5f7d8c9b6", List.of("checkout-5f7d8c9b6-fghij")),
                    new TimeWindow(Instant.parse("2026-05-05T10:00:00Z"), Instant.parse("2026-05-05T10:10:00Z")))
            .rollout("checkout")
            .service("checkout")
            .build();

    private static Verdict verdict(String rootCause) {
        Finding logs = new Finding(
                "log-analyst",
                Decision.ROLLBACK,
                90,
                "The canary panics.",
                List.of(new LogTemplateEvidence(
                        "Canary logs show a panic",
                        Severity.CRITICAL,
                        "panic: <*>",
                        "crash",
                        "main.go:42",
                        "main.getColor",
                        2,
                        0,
                        100,
                        900,
                        null,
                        List.of("panic: runtime error: index out of range [3] with length 3"),
                        "canary")),
                List.of("logs of checkout-7c9d6f5b4-abcde were cut"));
        Finding metrics = new Finding(
                "metrics-agent",
                Decision.PROMOTE,
                70,
                "No 5xx regression.",
                List.of(new PromQlEvidence(
                        "5xx ratio equal",
                        Severity.INFO,
                        "5xx-ratio",
                        "canary_query",
                        "stable_query",
                        0.003,
                        0.003,
                        REQUEST.window().start(),
                        REQUEST.window().end(),
                        "canary 0.30% vs stable 0.30%")),
                List.of());
        return Verdict.builder()
                .analysisId("id-1")
                .decision(Decision.ROLLBACK)
                .confidence(88)
                .rationale("log-analyst vetoed")
                .rootCause(rootCause)
                .remediation("Roll back and fix main.go:42.")
                .findings(List.of(logs, metrics))
                .failures(List.of(new AgentFailure("traces", "did not answer within 90 s")))
                .decidedAt(Instant.now())
                .durationMs(1200)
                .build();
    }

    @Test
    void theDraftNamesTheFailureAndCarriesEveryAgentsEvidence() {
        IssueDraft d = new IssueDrafter(List.of("canary-rollback", "jules"))
                .draft(REQUEST, verdict("panic: runtime error: index out of range [3] with length 3 (main.go:42)"));
        assertEquals("Canary 7c9d6f5b4 of checkout panics: index out of range in getColor (main.go:42)", d.title());
        assertEquals(List.of("canary-rollback", "jules"), d.labels());
        assertEquals("draft", d.state());
        for (String expected : List.of(
                "`shop/checkout`",
                "panic: runtime error: index out of range",
                "at `main.go:42`",
                "### metrics-agent — PROMOTE (70%)",
                "`canary_query`",
                "traces: did not answer within 90 s",
                "_note: logs of checkout-7c9d6f5b4-abcde were cut_",
                "Roll back and fix main.go:42.",
                "<!-- canary-council-fingerprint: " + d.fingerprint() + " -->")) {
            assertTrue(d.body().contains(expected), () -> "missing " + expected + " in\n" + d.body());
        }
    }

    @Test
    void aPluginsMinimalSchemaValidEvidenceIsDrafted() {
        // finding.schema.json requires only kind, description, severity and metric of a promql item.
        Finding plugin = new Finding(
                "trace-agent",
                Decision.ROLLBACK,
                95,
                "p99 span latency doubled",
                List.of(new PromQlEvidence(
                        "checkout→payments p99 doubled",
                        Severity.CRITICAL,
                        "span-p99",
                        null,
                        null,
                        0.8,
                        0.4,
                        null,
                        null,
                        null)),
                List.of());
        IssueDraft d = new IssueDrafter(List.of())
                .draft(
                        REQUEST,
                        Verdict.builder()
                                .analysisId("id-1")
                                .decision(Decision.ROLLBACK)
                                .confidence(95)
                                .rationale("trace-agent vetoed")
                                .rootCause("p99 span latency doubled")
                                .remediation("Roll back.")
                                .findings(List.of(plugin))
                                .decidedAt(Instant.now())
                                .durationMs(1)
                                .build());
        assertTrue(d.body().contains("### trace-agent — ROLLBACK (95%)"), d::body);
        assertTrue(d.body().contains("  - canary: 0.8"), d::body);
    }

    @Test
    void theFingerprintIgnoresNumbersButNotTheFailure() {
        String a = IssueDrafter.fingerprint("checkout", "index out of range [3] with length 3 at 0xc0001a");
        String b = IssueDrafter.fingerprint("checkout", "index out of range [7] with length 7 at 0xc0ffee");
        String c = IssueDrafter.fingerprint("checkout", "nil pointer dereference");
        String d = IssueDrafter.fingerprint("payments", "index out of range [3] with length 3 at 0xc0001a");
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a, d);
        assertEquals(12, a.length());
    }

    @Test
    void aVeryLongRootCauseGivesABoundedTitle() {
        IssueDraft d = new IssueDrafter(List.of())
                .draft(
                        REQUEST,
                        Verdict.builder()
                                .analysisId("id-1")
                                .decision(Decision.ROLLBACK)
                                .confidence(88)
                                .rationale("vetoed")
                                .rootCause("x ".repeat(500))
                                .remediation("fix it")
                                .decidedAt(Instant.now())
                                .durationMs(1)
                                .build());
        assertTrue(d.title().length() <= 120, d::title);
        assertTrue(d.title().endsWith("…"), d::title);
    }

    @Test
    void draftsAreWrittenAsMarkdownFiles(@TempDir Path dir) throws Exception {
        IssueDraft d = new IssueDrafter(List.of("canary-rollback")).draft(REQUEST, verdict("boom"));
        Path file = new DraftFolder(dir.resolve("drafts")).write(d, "id-1");
        String text = Files.readString(file);
        assertTrue(text.startsWith("# " + d.title()));
        assertTrue(text.contains("Labels: canary-rollback"));
    }
}
