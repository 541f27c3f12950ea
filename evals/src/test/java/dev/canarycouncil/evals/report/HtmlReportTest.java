package dev.canarycouncil.evals.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.evals.scoring.CaseResult;
import dev.canarycouncil.evals.scoring.Expectation;
import dev.canarycouncil.evals.scoring.Scorecard;
import dev.canarycouncil.runtime.schema.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void selfContainedWithMatrixDiagramCasesAndEscapedText() {
        Expectation broken = new Expectation(Decision.ROLLBACK, "xss<script>", "<b>panic</b>", List.of("panic"));
        CaseResult promoted = new CaseResult(
                "case<1>",
                broken,
                Decision.PROMOTE,
                80,
                false,
                10,
                0,
                Map.of("argo", Decision.ROLLBACK),
                Map.of(),
                null,
                null);
        CaseResult failed = new CaseResult(
                "case-2", broken, null, 0, false, 10, 0, Map.of(), Map.of(), "timed out <after 90 s>", null);
        List<CaseResult> cases = List.of(promoted, failed);
        EvalReport r = new EvalReport(
                Instant.parse("2026-11-23T00:00:00Z"),
                "dir",
                "deterministic",
                Scorecard.of(cases),
                Map.of("argo", Scorecard.ofBaseline(cases, "argo")),
                Map.of("xss<script>", Scorecard.of(cases)),
                Map.of(),
                cases);
        String html = HtmlReport.render(r);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
        assertFalse(
                html.contains("<script") || html.contains("http://") && html.contains("src=\"http"),
                "no scripts, no remote assets");
        assertTrue(html.contains("<svg") && html.contains("reliability diagram"));
        assertTrue(
                html.contains("href=\"#case-case-1-\"") && html.contains("id=\"case-case-1-\""),
                "a case links to its evidence");
        assertTrue(html.contains("&lt;b&gt;panic&lt;/b&gt;") && html.contains("timed out &lt;after 90 s&gt;"));
        assertTrue(html.contains("class=\"num worst\""), "a broken canary promoted stands out in the matrix");
        assertTrue(html.contains("argo"));
    }
}
