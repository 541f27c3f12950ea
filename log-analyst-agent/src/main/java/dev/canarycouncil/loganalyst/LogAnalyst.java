package dev.canarycouncil.loganalyst;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;

/** The log analyst: collects logs, pod states and events through MCP and judges them. */
public final class LogAnalyst implements Specialist {

    public static final String NAME = "log-analyst";

    private final LogCollector collector;
    private final FirstLogJudge judge;

    public LogAnalyst(LogCollector collector, FirstLogJudge judge) {
        this.collector = collector;
        this.judge = judge;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding analyze(AnalysisRequest request, Progress progress) throws InterruptedException {
        CollectedLogs logs = collector.collect(request, progress);
        progress.report("judging " + logs.canary().logs().size() + " canary and " + logs.stable().logs().size()
                + " stable log streams");
        return judge.judge(logs);
    }
}
