package dev.canarycouncil.loganalyst;

import java.io.IOException;
import java.io.StringReader;

import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.LogIngestion;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import dev.canarycouncil.loganalyst.pods.PodConditions;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.tools.ContainerLog;

/**
 * The log analyst: collects logs, pod states and events through MCP, mines the templates of both
 * sides together, compares them, and judges; everything it returns is redacted.
 */
public final class LogAnalyst implements Specialist {

    public static final String NAME = "log-analyst";
    static final int MAX_TEMPLATES_PER_LEVEL = 5_000;

    private final LogCollector collector;
    private final LogJudge judge;
    private final FindingRedactor redactor;
    private final IngestLimits limits;

    public LogAnalyst(LogCollector collector, LogJudge judge, FindingRedactor redactor, IngestLimits limits) {
        this.collector = collector;
        this.judge = judge;
        this.redactor = redactor;
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding analyze(AnalysisRequest request, Progress progress) throws InterruptedException, IOException {
        CollectedLogs logs = collector.collect(request, progress);
        LogIngestion ingestion = new LogIngestion(limits, new TemplateMiner(new TokenMasker(), MAX_TEMPLATES_PER_LEVEL));
        read(ingestion, Side.CANARY, logs.canary());
        read(ingestion, Side.STABLE, logs.stable());
        progress.report("mined " + ingestion.miner().templates().size() + " templates from "
                + ingestion.events(Side.CANARY) + " canary and " + ingestion.events(Side.STABLE) + " stable records");
        var pods = PodConditions.compare(logs.canary().pods(), logs.canary().events(), logs.stable().pods(),
                logs.stable().events());
        Finding finding = judge.judge(new LogEvidence(ingestion, pods, logs.canary().pods().size(),
                OperatorHints.parse(request.hints()), logs.notes()));
        return redactor.redact(finding);
    }

    private static void read(LogIngestion ingestion, Side side, SideEvidence evidence) throws IOException, InterruptedException {
        for (ContainerLog log : evidence.logs()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            String source = log.pod() + (log.container() == null ? "" : "/" + log.container()) + (log.previous() ? " (previous)" : "");
            ingestion.read(side, source, new StringReader(log.text()));
        }
    }
}
