package dev.canarycouncil.metrics;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.mcp.RangeSeries;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FollowUp;
import dev.canarycouncil.runtime.schema.FollowUpAnswer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

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

    /** Compares a metric of its set over the span asked, with the queries the set defines. */
    @Override
    public Optional<FollowUpAnswer> answer(FollowUp q, Progress progress) {
        if (!FollowUp.COMPARE.equals(q.topic())) {
            return Optional.empty();
        }
        Instant from = q.from() == null ? q.analysis().window().start() : q.from();
        Instant to = q.to() == null ? q.analysis().window().end() : q.to();
        Optional<MetricSeriesAnswer> series =
                judge.series(q.analysis(), q.subject() == null ? "" : q.subject(), from, to);
        if (series.isEmpty()) {
            return Optional.of(new FollowUpAnswer(
                    NAME,
                    "I compare no metric called \"" + q.subject() + "\"; I compare: "
                            + String.join(", ", judge.metricNames(q.analysis())) + ".",
                    null));
        }
        progress.report("querying " + series.get().metric() + " for both sides");
        MetricSeriesAnswer s = series.get();
        String text = String.format(
                Locale.ROOT,
                "%s from %s to %s: canary %s, stable %s.%ncanary: %s%nstable: %s",
                s.metric(),
                from,
                to,
                RangeSeries.summary(s.canary()),
                RangeSeries.summary(s.stable()),
                s.canaryQuery(),
                s.stableQuery());
        return Optional.of(new FollowUpAnswer(NAME, text, s));
    }
}
