package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.metrics.MetricsJudge;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.metrics.judge.MetricOutcome;
import dev.canarycouncil.metrics.judge.SampleComparison;
import dev.canarycouncil.metrics.judge.SequentialSampleComparison;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The judges of p95 latency the decision benchmark compares, each made fresh for every simulated
 * rollout. Samples are taken as {@link MetricsJudge} queries them: over the window at its step with
 * ranges of two steps, or per one-minute step from that minute alone.
 */
final class LatencyRules {

    private static final double Q = 0.95;
    private static final int SLOTS_PER_STEP =
            (int) (MetricsJudge.SEQUENTIAL_STEP.toSeconds() / LatencyHistograms.SLOT.toSeconds());

    private LatencyRules() {}

    /** The default metric set's p95 (critical; a change counts beyond x1.5 and 25 ms), as the agent judges it. */
    static MetricSpec p95() {
        return PresetCatalog.defaultSet().metrics().stream()
                .filter(m -> m.name().equals("latency-p95"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the default metric set has no latency-p95"));
    }

    /**
     * The metrics agent's: Mann-Whitney over the window, at alpha shared among the windows seen until
     * the sign test has its steps, then the sign test on paired minutes ({@code MetricsJudge.sequentialSamples}).
     */
    static Supplier<LatencyRule> sequential(double alpha, MetricSpec spec) {
        int needed = SequentialSampleComparison.stepsToDecide(alpha, spec.directionOrDefault());
        double early = MetricsJudge.earlyAlpha(alpha, needed, spec);
        return () -> new LatencyRule() {
            @Override
            public String name() {
                return "sequential";
            }

            @Override
            public Optional<Decision> look(LatencyHistograms seen, int slots, int sinceSlots) {
                int minutes = slots / SLOTS_PER_STEP;
                List<SequentialSampleComparison.Step> steps = perMinute(seen, minutes);
                MetricOutcome o = switch (SequentialSampleComparison.Phase.of(
                        SequentialSampleComparison.paired(steps), minutes, needed)) {
                    case EARLY -> overWindow(seen, slots, early, spec);
                    case SPARSE -> overWindow(seen, slots, alpha, spec);
                    case SEQUENTIAL ->
                        SequentialSampleComparison.compare(
                                spec, steps, MetricsJudge.SEQUENTIAL_STEP.toSeconds(), alpha, "c", "s");
                };
                return o.failed() ? Optional.of(Decision.ROLLBACK) : Optional.empty();
            }

            @Override
            public Decision atEnd(LatencyHistograms seen, int slots) {
                return Decision.PROMOTE;
            }
        };
    }

    /** Kayenta-style: Mann-Whitney over the whole window, once, at its end. */
    static Supplier<LatencyRule> fixedWindow(double alpha, MetricSpec spec) {
        return () -> new LatencyRule() {
            @Override
            public String name() {
                return "fixed-window";
            }

            @Override
            public Optional<Decision> look(LatencyHistograms seen, int slots, int sinceSlots) {
                return Optional.empty();
            }

            @Override
            public Decision atEnd(LatencyHistograms seen, int slots) {
                return overWindow(seen, slots, alpha, spec).failed() ? Decision.ROLLBACK : Decision.PROMOTE;
            }
        };
    }

    /** The same test read at every look: what the judge did at every call before the sign test. */
    static Supplier<LatencyRule> peeking(double alpha, MetricSpec spec) {
        return () -> new LatencyRule() {
            @Override
            public String name() {
                return "fixed-test-every-look";
            }

            @Override
            public Optional<Decision> look(LatencyHistograms seen, int slots, int sinceSlots) {
                return overWindow(seen, slots, alpha, spec).failed()
                        ? Optional.of(Decision.ROLLBACK)
                        : Optional.empty();
            }

            @Override
            public Decision atEnd(LatencyHistograms seen, int slots) {
                return Decision.PROMOTE;
            }
        };
    }

    /**
     * An Argo Rollouts analysis of a PromQL ratio: each measurement is the canary's p95 over the
     * stable's since the previous one, failed above {@code maxRatio}; the analysis fails after more
     * than {@code failureLimit} failed measurements, and passes when the window ends.
     */
    static Supplier<LatencyRule> argoThreshold(double maxRatio, int failureLimit) {
        return () -> new LatencyRule() {
            private int failed;

            @Override
            public String name() {
                return "argo-p95-ratio";
            }

            @Override
            public Optional<Decision> look(LatencyHistograms seen, int slots, int sinceSlots) {
                double ratio = seen.canaryQuantile(Q, slots - sinceSlots, slots)
                        / seen.stableQuantile(Q, slots - sinceSlots, slots);
                if (ratio > maxRatio && ++failed > failureLimit) {
                    return Optional.of(Decision.ROLLBACK);
                }
                return Optional.empty();
            }

            @Override
            public Decision atEnd(LatencyHistograms seen, int slots) {
                return Decision.PROMOTE;
            }
        };
    }

    /** Mann-Whitney over the window's samples at the judge's step and ranges. */
    static MetricOutcome overWindow(LatencyHistograms seen, int slots, double alpha, MetricSpec spec) {
        Duration window = LatencyHistograms.SLOT.multipliedBy(slots);
        Duration step = MetricsJudge.step(window);
        int stepSlots = (int) Math.ceil((double) step.toSeconds() / LatencyHistograms.SLOT.toSeconds());
        int rangeSlots = (int)
                Math.ceil((double) MetricsJudge.rateInterval(step).toSeconds() / LatencyHistograms.SLOT.toSeconds());
        List<Double> c = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int end = stepSlots; end <= slots; end += stepSlots) {
            int from = Math.max(0, end - rangeSlots);
            c.add(seen.canaryQuantile(Q, from, end));
            s.add(seen.stableQuantile(Q, from, end));
        }
        return SampleComparison.compare(spec, unbox(c), unbox(s), alpha, "c", "s");
    }

    /** One value a side per minute, from that minute's requests alone. */
    static List<SequentialSampleComparison.Step> perMinute(LatencyHistograms seen, int minutes) {
        List<SequentialSampleComparison.Step> steps = new ArrayList<>(minutes);
        for (int m = 1; m <= minutes; m++) {
            int end = m * SLOTS_PER_STEP;
            steps.add(new SequentialSampleComparison.Step(
                    Instant.EPOCH.plus(MetricsJudge.SEQUENTIAL_STEP.multipliedBy(m)),
                    seen.canaryQuantile(Q, end - SLOTS_PER_STEP, end),
                    seen.stableQuantile(Q, end - SLOTS_PER_STEP, end)));
        }
        return steps;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
