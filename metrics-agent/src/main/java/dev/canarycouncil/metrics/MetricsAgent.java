package dev.canarycouncil.metrics;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;

/** The metrics agent: compares canary and stable metrics through the MCP PromQL tools. */
public final class MetricsAgent implements Specialist {

    public static final String NAME = "metrics-agent";

    private final MetricsJudge judge;

    public MetricsAgent(MetricsJudge judge) {
        this.judge = judge;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding analyze(AnalysisRequest request, Progress progress) throws InterruptedException {
        return judge.judge(request, progress);
    }
}
