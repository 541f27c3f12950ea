package dev.canarycouncil.loganalyst.incremental;

import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.TemplateStats;
import dev.canarycouncil.runtime.schema.SequentialTrace;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each warning or error template's evidence across a rollout's calls. Every call is one step of the
 * always-valid rate-ratio test: the occurrences each side added since the previous call, against
 * the canary's share of the records added. It is what the page draws for a template, call by call,
 * against the boundary; the judgement itself still compares the kept totals.
 */
public final class TemplateSequences {

    /** Templates followed at most; a log with more warning and error templates than this is not healthy anyway. */
    static final int MAX_TEMPLATES = 1_000;

    /** Points kept per template: a day of calls a minute apart is thinned to the latest. */
    static final int MAX_POINTS = 500;

    private static final class Sequence {
        final RateRatioTest test = new RateRatioTest(1.5);
        final List<SequentialTrace.Point> points = new ArrayList<>();
        long canarySeen;
        long stableSeen;
    }

    private final Map<TemplateStats, Sequence> sequences = new IdentityHashMap<>();
    private long canaryRecords;
    private long stableRecords;

    /** Counts one call ending {@code at}: what each template and each side gained since the previous one. */
    public void observe(Instant at, List<TemplateStats> templates, long canaryTotal, long stableTotal) {
        long canaryAdded = canaryTotal - canaryRecords;
        long stableAdded = stableTotal - stableRecords;
        canaryRecords = canaryTotal;
        stableRecords = stableTotal;
        if (canaryAdded <= 0 && stableAdded <= 0) {
            return; // nothing new: another look at the same evidence is no step
        }
        boolean comparable = canaryAdded > 0 && stableAdded > 0;
        double share = comparable ? (double) canaryAdded / (canaryAdded + stableAdded) : 0;
        for (TemplateStats t : templates) {
            if (!t.level().atLeast(Level.WARN)) {
                continue;
            }
            Sequence s = sequences.get(t);
            if (s == null) {
                if (sequences.size() >= MAX_TEMPLATES) {
                    continue;
                }
                s = new Sequence();
                sequences.put(t, s);
            }
            long canary = t.count(Side.CANARY) - s.canarySeen;
            long stable = t.count(Side.STABLE) - s.stableSeen;
            s.canarySeen = t.count(Side.CANARY);
            s.stableSeen = t.count(Side.STABLE);
            // A side that added no records says nothing about rates: the evidence carries over.
            if (comparable) {
                s.test.observe(canary, stable, share);
            }
            s.points.add(new SequentialTrace.Point(at, s.test.harm()));
            if (s.points.size() > MAX_POINTS) {
                s.points.remove(0);
            }
        }
    }

    /**
     * The template's evidence over the calls against {@code boundary}; empty before a second call,
     * when one step is no more than the comparison of the totals.
     */
    public Optional<SequentialTrace> trace(TemplateStats template, double boundary) {
        Sequence s = sequences.get(template);
        return s == null || s.points.size() < 2
                ? Optional.empty()
                : Optional.of(new SequentialTrace(boundary, s.points));
    }
}
