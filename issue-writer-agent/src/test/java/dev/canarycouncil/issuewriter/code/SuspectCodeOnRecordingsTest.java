package dev.canarycouncil.issuewriter.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.issuewriter.Drafts;
import dev.canarycouncil.issuewriter.IssueDrafter;
import dev.canarycouncil.issuewriter.RecordedVerdicts;
import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suspect code for the bundled recordings, found through the real MCP server over each
 * recording's {@code repo/}, from the findings the real log analyst and metrics agent give.
 */
class SuspectCodeOnRecordingsTest {

    private record Drafted(IssueDraft draft, SuspectCode code) {}

    private static Drafted draft(Path recording) throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            IssueRequest request = RecordedVerdicts.request(mcp);
            assertEquals(Decision.ROLLBACK, request.verdict().decision());
            SuspectCode code = new SuspectCodeFinder(tools, new Redactor()).find(request.verdict());
            return new Drafted(
                    new IssueDrafter(List.of("canary-rollback")).draft(request.analysis(), request.verdict(), code),
                    code);
        }
    }

    @Test
    void theGoPanicQuotesGetColorAtMainGo42AndItsCaller() throws Exception {
        Drafted d = draft(Recordings.named("go-panic-index-out-of-range"));

        assertEquals(
                "Canary 7c9d6f5b4 of checkout panics: index out of range in getColor (main.go:42)",
                d.draft().title());
        CodeExcerpt x = SuspectCodeFinderTest.single(d.code().excerpts());
        assertEquals("main.go", x.path());
        assertEquals(List.of(42, 55), x.focusLines(), "the failing frame and its caller");
        assertTrue(x.line(42).contains("return p.colors[idx]"), x::toString);
        assertTrue(x.line(39).startsWith("func getColor(p *palette, idx int) string"), x::toString);
        assertTrue(x.line(49).contains("if idx > len(p.colors)"), "the caller's off-by-one is in the quote");
        assertEquals(37, x.startLine());
        assertEquals(60, x.endLine());
        String body = d.draft().body();
        assertTrue(
                body.contains(
                        "**`main.go` lines 37–60** — failing frame main.getColor (main.go:42); caller main.refreshColors"),
                body);
        assertTrue(body.contains("→ 42  \treturn p.colors[idx]"), body);
        assertTrue(body.contains("off-by-one"), "the fix direction names the likely mistake");
    }

    @Test
    void theTimeoutQuotesTheChargeTimeoutAndTheErrorItLogs() throws Exception {
        Drafted d = draft(Recordings.named("5xx-spike-payments-timeout"));

        assertEquals(
                "Canary 7c9d6f5b4 of checkout: 5xx ratio 24.6 % vs 0.3 % (context deadline exceeded calling payments)",
                d.draft().title());
        CodeExcerpt x = SuspectCodeFinderTest.single(d.code().excerpts());
        assertEquals("payments/client.go", x.path());
        assertTrue(x.focusLines().containsAll(List.of(14, 31)), x::toString);
        assertTrue(x.line(14).contains("const chargeTimeout = 50 * time.Millisecond"), x::toString);
        assertTrue(x.line(31).contains("fmt.Errorf(\"charge failed: %w\", err)"), x::toString);
        assertTrue(x.reasons().contains("prints \"charge failed\""), x::toString);
        assertTrue(d.draft().body().contains("| 5xx-ratio | 0.34% | 24.57% | HIGH (x72.36) |"), d.draft()::body);
        assertTrue(d.draft().body().contains("Calls time out"), d.draft()::body);
    }

    @Test
    void theOomKillNamesNoCodeSoNoneIsQuoted() throws Exception {
        // The recording's repo/ holds ReportCache.java, but neither its logs nor its pod states name
        // a frame, function or message: quoting a guess would mislead the reader.
        Drafted d = draft(Recordings.named("oom-crashloop-report-cache"));

        assertEquals(
                "Canary 7c9d6f5b4 of reports is OOMKilled: memory per pod 428.5 MiB vs 260.3 MiB (4 restarts)",
                d.draft().title());
        assertEquals(List.of(), d.code().excerpts());
        assertEquals(
                List.of("The evidence names no stack frame, function or log message to look up in the code."),
                d.code().notes());
        assertFalse(d.draft().body().contains("ReportCache"));
        assertTrue(d.draft().body().contains("grow without bound"), "the fix direction for memory growth");
    }

    @Test
    void aJavaFrameIsFoundUnderItsPackagePath() throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("oom-crashloop-report-cache"));
                McpToolClient tools = mcp.client()) {
            Verdict verdict = verdictWith(new LogTemplateEvidence(
                    "Uncaught Java exception on the canary",
                    Severity.CRITICAL,
                    "Exception in thread \"main\" java.lang.IllegalStateException: cache full for key <*>",
                    "java-exception",
                    "ReportCache.java:22",
                    "com.example.reports.ReportCache.put",
                    3,
                    0,
                    100,
                    100,
                    null,
                    List.of("Exception in thread \"main\" java.lang.IllegalStateException: cache full for key q=1\n"
                            + "\tat com.example.reports.ReportCache.put(ReportCache.java:22)\n"
                            + "\tat org.springframework.web.Dispatcher.run(Dispatcher.java:100)"),
                    "canary"));

            SuspectCode code = new SuspectCodeFinder(tools, new Redactor()).find(verdict);
            IssueDraft draft = new IssueDrafter(List.of()).draft(mcp.analysisRequest(null), verdict, code);

            CodeExcerpt x = SuspectCodeFinderTest.single(code.excerpts());
            assertEquals("src/main/java/com/example/reports/ReportCache.java", x.path());
            assertTrue(x.line(22).contains("rendered.put(key, report);"), x::toString);
            assertEquals(
                    "Canary 7c9d6f5b4 of reports throws IllegalStateException: cache full for key in ReportCache.put "
                            + "(ReportCache.java:22)",
                    draft.title());
        }
    }

    @Test
    void aFramePrintedWithItsBuildPathIsFoundByName() throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("go-panic-index-out-of-range"));
                McpToolClient tools = mcp.client()) {
            Verdict verdict = verdictWith(new LogTemplateEvidence(
                    "Go panic",
                    Severity.CRITICAL,
                    "panic: <*>",
                    "go-panic",
                    "/app/main.go:26",
                    "main.(*palette).current",
                    1,
                    0,
                    10,
                    10,
                    null,
                    List.of(),
                    "canary"));

            CodeExcerpt x = SuspectCodeFinderTest.single(
                    new SuspectCodeFinder(tools, new Redactor()).find(verdict).excerpts());

            assertEquals("main.go", x.path());
            assertTrue(x.line(26).contains("return p.colors[p.next%len(p.colors)]"), x::toString);
        }
    }

    @Test
    void secretsInQuotedCodeAreRedacted(@TempDir Path tmp) throws Exception {
        Path recording = Recordings.copy("go-panic-index-out-of-range", tmp);
        Path main = recording.resolve("repo/main.go");
        Files.writeString(
                main,
                Files.readString(main)
                        .replace(
                                "\tp.mu.RLock()\n\tdefer p.mu.RUnlock()\n\treturn p.colors[idx]",
                                "\tp.mu.RLock() // password=hunter2hunter2\n\tdefer p.mu.RUnlock()\n\treturn p.colors[idx]"));
        try (RecordedMcpServer mcp = new RecordedMcpServer(recording);
                McpToolClient tools = mcp.client()) {
            SuspectCode code = new SuspectCodeFinder(tools, new Redactor()).find(Drafts.panic("id-1"));

            CodeExcerpt x = SuspectCodeFinderTest.single(code.excerpts());
            assertTrue(x.line(40).contains("password=<redacted:password>"), x::toString);
            assertFalse(x.toString().contains("hunter2"));
        }
    }

    @Test
    void withoutASourceRepositoryTheDraftSaysSo() throws Exception {
        // The healthy recording has no repo/: its MCP server answers the code tools with an error.
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("healthy-color-change"));
                McpToolClient tools = mcp.client()) {
            SuspectCode code = new SuspectCodeFinder(tools, new Redactor()).find(Drafts.panic("id-1"));
            IssueDraft draft = new IssueDrafter(List.of()).draft(Drafts.analysis("id-1"), Drafts.panic("id-1"), code);

            assertEquals(List.of(), code.excerpts());
            String note = SuspectCodeFinderTest.single(code.notes());
            assertTrue(
                    note.startsWith(
                            "Suspect code was not looked up: MCP tool read_file failed: [unsupported] no source repository"),
                    note);
            assertTrue(draft.body().contains(note), "the reader learns why there is no code");
            assertEquals(
                    "Canary 7c9d6f5b4 of checkout panics: index out of range in getColor (main.go:42)", draft.title());
        }
    }

    @Test
    void aLookupPastItsBudgetStopsWithANote() throws Exception {
        try (RecordedMcpServer mcp = new RecordedMcpServer(Recordings.named("go-panic-index-out-of-range"));
                McpToolClient tools = mcp.client()) {
            SuspectCode code = new SuspectCodeFinder(tools, new Redactor(), Duration.ZERO).find(Drafts.panic("id-1"));

            assertEquals(List.of(), code.excerpts());
            assertTrue(
                    SuspectCodeFinderTest.single(code.notes()).startsWith("Suspect code lookup stopped after 0 s"),
                    code::toString);
        }
    }

    @Test
    void anUnreachableMcpServerCostsOneCallAndANote() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (McpToolClient dead = new McpToolClient("http://127.0.0.1:" + closed + "/mcp", Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            SuspectCode code = new SuspectCodeFinder(dead, new Redactor()).find(Drafts.panic("id-1"));

            assertEquals(List.of(), code.excerpts());
            assertTrue(SuspectCodeFinderTest.single(code.notes()).contains("could not be called"), code::toString);
            assertTrue((System.nanoTime() - start) / 1e9 < 20, "one failed call, not one per clue");
        }
    }

    private static Verdict verdictWith(LogTemplateEvidence evidence) {
        return Verdict.builder()
                .analysisId("id-1")
                .decision(Decision.ROLLBACK)
                .confidence(90)
                .rationale("vetoed")
                .rootCause(evidence.description())
                .remediation("fix it")
                .findings(List.of(
                        new Finding("log-analyst", Decision.ROLLBACK, 90, "crash", List.of(evidence), List.of())))
                .decidedAt(Instant.now())
                .durationMs(1)
                .build();
    }
}
