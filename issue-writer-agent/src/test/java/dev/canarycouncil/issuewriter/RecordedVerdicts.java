package dev.canarycouncil.issuewriter;

import dev.canarycouncil.loganalyst.LogAnalystService;
import dev.canarycouncil.mcp.testing.RecordedMcpServer;
import dev.canarycouncil.metrics.MetricsAgent;
import dev.canarycouncil.metrics.MetricsJudge;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.IssueRequest;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the issue writer receives for a bundled recording: the findings the real log analyst and
 * metrics agent give over the real MCP server, weighed the simple way (any ROLLBACK wins).
 */
public final class RecordedVerdicts {

    private RecordedVerdicts() {}

    public static IssueRequest request(RecordedMcpServer mcp) throws Exception {
        AnalysisRequest analysis = mcp.analysisRequest(null);
        List<Finding> findings;
        try (McpToolClient tools = mcp.client()) {
            findings = List.of(
                    LogAnalystService.analyst(tools).analyze(analysis, message -> {}),
                    new MetricsJudge(MetricsAgent.NAME, tools, PresetCatalog.defaultSet())
                            .judge(analysis, message -> {}));
        }
        boolean rollback = findings.stream().anyMatch(f -> f.verdict() == Decision.ROLLBACK);
        String rootCause = findings.stream()
                .filter(f -> f.verdict() == Decision.ROLLBACK)
                .flatMap(f -> f.evidence().stream())
                .max(Comparator.comparing(Evidence::severity))
                .map(Evidence::description)
                .orElse("none");
        Verdict verdict = Verdict.builder()
                .analysisId(analysis.analysisId())
                .subject(VerdictSubject.of(analysis))
                .decision(rollback ? Decision.ROLLBACK : Decision.PROMOTE)
                .confidence(90)
                .rationale("A member vetoed the canary.")
                .rootCause(rootCause)
                .remediation("Roll back " + analysis.service() + " to stable "
                        + analysis.stable().podTemplateHash() + ".")
                .findings(findings)
                .decidedAt(Instant.now())
                .durationMs(1000)
                .build();
        return new IssueRequest(analysis, verdict);
    }
}
