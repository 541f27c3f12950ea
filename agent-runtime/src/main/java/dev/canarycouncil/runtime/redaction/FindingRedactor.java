package dev.canarycouncil.runtime.redaction;

import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.ExceptionInfo;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import java.util.List;

/** Redacts every text of a finding: summary, notes, blind spots, and each evidence item's text fields. */
public final class FindingRedactor {

    private final Redactor redactor;

    public FindingRedactor(Redactor redactor) {
        this.redactor = redactor;
    }

    public Finding redact(Finding f) {
        List<Evidence> evidence = f.evidence().stream().map(this::redact).toList();
        List<BlindSpot> blindSpots = f.blindSpots().stream()
                .map(b -> new BlindSpot(b.kind(), r(b.subject()), r(b.detail()), redactor.redact(b.samples())))
                .toList();
        return new Finding(
                f.agent(),
                f.verdict(),
                f.confidence(),
                redactor.redact(f.summary()),
                evidence,
                redactor.redact(f.notes()),
                redact(f.review()),
                blindSpots);
    }

    private ModelReview redact(ModelReview m) {
        return m == null
                ? null
                : new ModelReview(
                        m.model(),
                        m.status(),
                        m.verdict(),
                        m.confidence(),
                        r(m.reasoning()),
                        r(m.rootCause()),
                        m.usage(),
                        r(m.detail()));
    }

    private Evidence redact(Evidence e) {
        if (e instanceof LogTemplateEvidence l) {
            return l.toBuilder()
                    .description(r(l.description()))
                    .template(r(l.template()))
                    .crash(l.signature(), r(l.location()), r(l.frame()))
                    .samples(redactor.redact(l.samples()))
                    .source(r(l.source()))
                    .exception(
                            l.exception() == null
                                    ? null
                                    : new ExceptionInfo(
                                            l.exception().type(),
                                            r(l.exception().message())))
                    .build();
        }
        if (e instanceof LogLatencyEvidence t) {
            return new LogLatencyEvidence(
                    r(t.description()),
                    t.severity(),
                    r(t.template()),
                    t.unit(),
                    t.canaryCount(),
                    t.stableCount(),
                    t.canaryP50(),
                    t.canaryP95(),
                    t.stableP50(),
                    t.stableP95(),
                    t.pValue(),
                    redactor.redact(t.samples()),
                    r(t.source()));
        }
        if (e instanceof LogCoverageEvidence c) {
            return new LogCoverageEvidence(
                    r(c.description()),
                    c.severity(),
                    c.side(),
                    c.lines(),
                    c.records(),
                    c.recognisedShare(),
                    redactor.redact(c.unrecognised()));
        }
        if (e instanceof PodConditionEvidence p) {
            return new PodConditionEvidence(
                    r(p.description()),
                    p.severity(),
                    p.pod(),
                    p.side(),
                    p.container(),
                    p.condition(),
                    r(p.detail()),
                    p.restarts(),
                    p.exitCode());
        }
        PromQlEvidence q = (PromQlEvidence) e;
        return new PromQlEvidence(
                r(q.description()),
                q.severity(),
                q.metric(),
                q.canaryQuery(),
                q.stableQuery(),
                q.canaryValue(),
                q.stableValue(),
                q.start(),
                q.end(),
                r(q.test()),
                q.unit(),
                q.sequential());
    }

    private String r(String s) {
        return redactor.redact(s);
    }
}
