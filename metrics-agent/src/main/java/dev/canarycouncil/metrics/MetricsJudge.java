package dev.canarycouncil.metrics;

import dev.canarycouncil.metrics.config.Direction;
import dev.canarycouncil.metrics.config.Judgement;
import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.config.MetricSetChoice;
import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.metrics.incremental.KeptSteps;
import dev.canarycouncil.metrics.judge.Classification;
import dev.canarycouncil.metrics.judge.EventRateComparison;
import dev.canarycouncil.metrics.judge.MetricOutcome;
import dev.canarycouncil.metrics.judge.ProportionComparison;
import dev.canarycouncil.metrics.judge.SampleComparison;
import dev.canarycouncil.metrics.judge.Scorecard;
import dev.canarycouncil.metrics.judge.SequentialProportionComparison;
import dev.canarycouncil.metrics.judge.SequentialSampleComparison;
import dev.canarycouncil.metrics.judge.Values;
import dev.canarycouncil.metrics.presets.MetricPreset;
import dev.canarycouncil.metrics.presets.MetricSelection;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.metrics.presets.PresetDetector;
import dev.canarycouncil.metrics.query.QueryTemplate;
import dev.canarycouncil.metrics.query.SideContext;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.PromQlReader;
import dev.canarycouncil.runtime.mcp.RangeSeries;
import dev.canarycouncil.runtime.mcp.ToolCallException;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PromQlEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Judges a canary from its metrics: each metric of the set is queried on both sides through the
 * MCP PromQL tools over the analysis window, compared, classified and scored; a failing critical
 * metric fails the judgement; too little traffic or no data is INCONCLUSIVE with the reason,
 * never a guess.
 */
public final class MetricsJudge {

    private final String agent;
    private final McpToolClient tools;
    private final MetricSetChoice choice;
    private final PresetCatalog presets = PresetCatalog.bundled();
    private final KeptSteps kept = new KeptSteps(KeptSteps.MAX_SERIES, KeptSteps.IDLE);

    public MetricsJudge(String agent, McpToolClient tools, MetricSetChoice choice) {
        this.agent = agent;
        this.tools = tools;
        this.choice = choice;
    }

    /** A judge of one configured metric set. */
    public MetricsJudge(String agent, McpToolClient tools, MetricSet set) {
        this(agent, tools, new MetricSetChoice.Configured(set, "configured"));
    }

    /** The range query's step: about 30 points over the window, never finer than 30 s. */
    public static Duration step(Duration window) {
        return Duration.ofSeconds(Math.max(30, (window.toSeconds() + 29) / 30));
    }

    /** The {@code {{interval}}} of rate queries: two steps, and never under a minute, so each rate window spans several scrapes. */
    public static Duration rateInterval(Duration step) {
        return Duration.ofSeconds(Math.max(60, 2 * step.toSeconds()));
    }

    public Finding judge(AnalysisRequest request, Progress progress) throws InterruptedException {
        Duration window = request.window().length();
        if (window.toSeconds() < 60) {
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "The analysis window is " + window.toSeconds() + " s long; metrics need at least a minute.",
                    List.of(),
                    List.of());
        }
        Duration step = step(window);
        Duration interval = rateInterval(step);
        MetricSelection selection;
        try {
            selection = select(request, interval);
        } catch (ToolCallException e) {
            if (e.reason() == ToolCallException.Reason.NOT_CONFIGURED) {
                String why = reasonText(e);
                return new Finding(
                        agent,
                        Decision.INCONCLUSIVE,
                        0,
                        "No metrics source is configured: abstaining (" + why + ").",
                        List.of(),
                        List.of(),
                        null,
                        List.of(BlindSpot.of(
                                BlindSpot.Kind.NOT_CONFIGURED,
                                "metrics",
                                "no metrics source is configured (" + why
                                        + "); error ratio, latency and saturation were not compared")));
            }
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "Could not ask the metrics source which series exist: " + e.getMessage(),
                    List.of(),
                    List.of(e.getMessage()));
        }
        progress.report(selection.account());
        List<String> notes = new ArrayList<>(selection.notes());
        notes.add(0, selection.account());
        if (!selection.found()) {
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "No metrics for this rollout: " + selection.account() + ".",
                    List.of(),
                    notes,
                    null,
                    List.of(new BlindSpot(
                            BlindSpot.Kind.NO_DATA,
                            "metrics",
                            "the metrics source has no series of any known convention for canary "
                                    + request.canary().podTemplateHash()
                                    + " or its stable; give a metric set with --metrics-config",
                            selection.notes())));
        }
        MetricSet set = selection.set();
        SideContext canary = selection.side(SideContext.of("canary", request, request.canary(), interval));
        SideContext stable = selection.side(SideContext.of("stable", request, request.stable(), interval));

        OptionalDouble requests = OptionalDouble.empty();
        if (set.traffic() != null) {
            requests = total(set.traffic(), canary, request, notes);
            if (requests.isPresent() && requests.getAsDouble() < set.minRequestsOrDefault()) {
                return new Finding(
                        agent,
                        Decision.INCONCLUSIVE,
                        0,
                        String.format(
                                Locale.ROOT,
                                "Too little canary traffic to judge: %.0f requests in the window (at least %.0f needed).",
                                requests.getAsDouble(),
                                set.minRequestsOrDefault()),
                        List.of(),
                        notes);
            }
        }
        progress.report(String.format(
                Locale.ROOT,
                "comparing %d metrics of canary and stable over %d s at %d s steps",
                set.metrics().size(),
                window.toSeconds(),
                step.toSeconds()));
        List<MetricOutcome> outcomes = new ArrayList<>();
        for (MetricSpec spec : set.metrics()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            outcomes.add(compare(set, spec, canary, stable, request, step));
        }
        return decide(set, outcomes, requests, request, notes);
    }

    /** One metric by the test its kind and the set's judgement call for (docs/metrics.md). */
    private MetricOutcome compare(
            MetricSet set,
            MetricSpec spec,
            SideContext canary,
            SideContext stable,
            AnalysisRequest request,
            Duration step) {
        boolean sequential = set.judgementOrDefault() == Judgement.SEQUENTIAL;
        if (spec.isRatio()) {
            return sequential && spec.directionOrDefault() == Direction.INCREASE
                    ? sequentialRatio(set, spec, canary, stable, request)
                    : ratio(set, spec, canary, stable, request);
        }
        if (spec.isEvents()) {
            return events(set, spec, canary, stable, request);
        }
        if (!sequential) {
            return samples(set.alphaOrDefault(), spec, canary, stable, request, step);
        }
        return spec.isPerInterval()
                ? sequentialSamples(set, spec, canary, stable, request, step)
                : overWindow(samples(set.alphaOrDefault(), spec, canary, stable, request, step));
    }

    /** The set to compare for this request, and how each side's series are selected. */
    private MetricSelection select(AnalysisRequest request, Duration interval) {
        SideContext canary = SideContext.of("canary", request, request.canary(), interval);
        SideContext stable = SideContext.of("stable", request, request.stable(), interval);
        PresetDetector detector = new PresetDetector(tools, presets);
        if (choice instanceof MetricSetChoice.Configured c) {
            // Asked once so that a missing source is told apart from a set without series.
            tools.call(
                    "promql_series",
                    Map.of(
                            "match",
                            List.of("up"),
                            "start",
                            request.window().start().toString(),
                            "end",
                            request.window().end().toString()));
            return MetricSelection.configured(c.set(), c.source());
        }
        if (choice instanceof MetricSetChoice.Preset p) {
            MetricPreset preset = presets.find(p.name())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown metric preset " + p.name() + "; known: " + String.join(", ", presets.names())));
            return detector.detect(request, List.of(preset), false, canary, stable);
        }
        return detector.detect(request, presets.presets(), true, canary, stable);
    }

    /** The tool's own words, without the call's decoration: "no Prometheus is configured ...". */
    private static String reasonText(ToolCallException e) {
        String m = e.getMessage();
        int bracket = m.indexOf("] ");
        return bracket >= 0 ? m.substring(bracket + 2) : m;
    }

    /**
     * A metric's canary and stable series over a span, with the queries this set defines for it:
     * sampled metrics as they are, counter ratios and event counts per rate interval.
     *
     * @return empty when the set has no metric of that name
     */
    public java.util.Optional<MetricSeriesAnswer> series(
            AnalysisRequest request, String metric, Instant from, Instant to) {
        Duration step = step(Duration.between(from, to));
        Duration interval = rateInterval(step);
        MetricSelection selection = select(request, interval);
        MetricSpec spec = selection.set().metrics().stream()
                .filter(m -> m.name().equalsIgnoreCase(metric))
                .findFirst()
                .orElse(null);
        if (spec == null) {
            return java.util.Optional.empty();
        }
        SideContext canary = selection.side(SideContext.of("canary", request, request.canary(), interval));
        SideContext stable = selection.side(SideContext.of("stable", request, request.stable(), interval));
        String cq = seriesQuery(spec, canary, interval);
        String sq = seriesQuery(spec, stable, interval);
        String unit = spec.isRatio() ? "ratio" : spec.isEvents() ? "per interval" : spec.unitOrDefault();
        return java.util.Optional.of(new MetricSeriesAnswer(
                spec.name(), unit, points(cq, from, to, step), points(sq, from, to, step), cq, sq));
    }

    private static String seriesQuery(MetricSpec spec, SideContext side, Duration interval) {
        if (spec.isRatio()) {
            return ratioQuery(spec, side, interval.toSeconds());
        }
        if (spec.isEvents()) {
            return increase(spec.events(), side, interval.toSeconds());
        }
        return QueryTemplate.render(
                spec.query() != null ? spec.query() : "canary".equals(side.side()) ? spec.canary() : spec.stable(),
                side);
    }

    private List<double[]> points(String query, Instant from, Instant to, Duration step) {
        return RangeSeries.points(tools.call(
                "promql_query_range",
                Map.of(
                        "query",
                        query,
                        "start",
                        from.toString(),
                        "end",
                        to.toString(),
                        "step",
                        step.toSeconds() + "s")));
    }

    /** The names of the metrics this agent compares for a request. */
    public List<String> metricNames(AnalysisRequest request) {
        return select(request, rateInterval(step(request.window().length()))).set().metrics().stream()
                .map(MetricSpec::name)
                .toList();
    }

    private MetricOutcome samples(
            double alpha,
            MetricSpec spec,
            SideContext canary,
            SideContext stable,
            AnalysisRequest request,
            Duration step) {
        String cq = QueryTemplate.render(spec.query() != null ? spec.query() : spec.canary(), canary);
        String sq = QueryTemplate.render(spec.query() != null ? spec.query() : spec.stable(), stable);
        try {
            double[] c = range(cq, request, step);
            double[] s = range(sq, request, step);
            return SampleComparison.compare(spec, c, s, alpha, cq, sq);
        } catch (ToolCallException | IllegalArgumentException e) {
            return failedQuery(spec, e, cq, sq);
        }
    }

    private MetricOutcome ratio(
            MetricSet set, MetricSpec spec, SideContext canary, SideContext stable, AnalysisRequest request) {
        long seconds = request.window().length().toSeconds();
        String cq = ratioQuery(spec, canary, seconds);
        String sq = ratioQuery(spec, stable, seconds);
        try {
            OptionalDouble cTotal = instant(increase(spec.denominator(), canary, seconds), request);
            OptionalDouble sTotal = instant(increase(spec.denominator(), stable, seconds), request);
            // A service that never failed often has no error series at all: that is zero events.
            double cEvents = instant(increase(spec.numerator(), canary, seconds), request)
                    .orElse(0);
            double sEvents = instant(increase(spec.numerator(), stable, seconds), request)
                    .orElse(0);
            return ProportionComparison.compare(
                    spec, cEvents, cTotal.orElse(0), sEvents, sTotal.orElse(0), set.alphaOrDefault(), cq, sq);
        } catch (ToolCallException | IllegalArgumentException e) {
            return failedQuery(spec, e, cq, sq);
        }
    }

    /**
     * The sequential test's step. Fixed, not derived from the window: the window grows with every
     * call of a rollout, and a fixed step lets each call replay the same steps (the guarantee holds
     * across calls) and read only the new ones. A minute holds two scrapes at the usual 15 s or 30 s.
     */
    public static final Duration SEQUENTIAL_STEP = Duration.ofMinutes(1);

    /**
     * A ratio metric step by step since the window's start: each side's numerator and denominator as
     * their increase over each step, lined up by time. When no step holds an increase (scrapes a
     * minute or more apart leave one sample per step) it is compared over the whole window instead,
     * and says so.
     */
    private MetricOutcome sequentialRatio(
            MetricSet set, MetricSpec spec, SideContext canary, SideContext stable, AnalysisRequest request) {
        Duration step = SEQUENTIAL_STEP;
        long seconds = step.toSeconds();
        String cq = ratioQuery(spec, canary, seconds);
        String sq = ratioQuery(spec, stable, seconds);
        try {
            SortedMap<Long, Double> ce = steps(increase(spec.numerator(), canary, seconds), request, step);
            SortedMap<Long, Double> ct = steps(increase(spec.denominator(), canary, seconds), request, step);
            SortedMap<Long, Double> se = steps(increase(spec.numerator(), stable, seconds), request, step);
            SortedMap<Long, Double> st = steps(increase(spec.denominator(), stable, seconds), request, step);
            if ((ct.isEmpty() || st.isEmpty()) && request.window().length().compareTo(step.multipliedBy(2)) >= 0) {
                return ratio(set, spec, canary, stable, request)
                        .withNote(
                                "not sequential: no " + seconds + " s step held two scrapes of the request counter on "
                                        + (ct.isEmpty() ? "the canary" : "the stable")
                                        + "; scrapes are likely a minute or more apart");
            }
            List<SequentialProportionComparison.Step> steps = new ArrayList<>();
            for (Long t : ct.keySet()) {
                // A missing error series at a step is no errors; a missing denominator is no traffic.
                steps.add(new SequentialProportionComparison.Step(
                        Instant.ofEpochSecond(t),
                        ce.getOrDefault(t, 0.0),
                        ct.get(t),
                        se.getOrDefault(t, 0.0),
                        st.getOrDefault(t, 0.0)));
            }
            return SequentialProportionComparison.compare(spec, steps, seconds, set.alphaOrDefault(), cq, sq);
        } catch (ToolCallException | IllegalArgumentException e) {
            return failedQuery(spec, e, cq, sq);
        }
    }

    /**
     * A level (memory) or a metric over a fixed range is compared over the window even in the
     * sequential judgement: its steps are not separate measurements, so no sequential test holds.
     */
    private static MetricOutcome overWindow(MetricOutcome outcome) {
        return outcome.withNote("a level: not sequential");
    }

    /**
     * A sampled metric measured per interval, step by step since the window's start: each step's
     * value from that step's own interval, so that steps are separate measurements, paired by time.
     * Until the window holds the steps the sign test needs to decide at all, it is compared with
     * Mann-Whitney at {@link #earlyAlpha}; a window long enough whose steps are empty, at alpha. The
     * test text says which.
     */
    private MetricOutcome sequentialSamples(
            MetricSet set,
            MetricSpec spec,
            SideContext canary,
            SideContext stable,
            AnalysisRequest request,
            Duration windowStep) {
        Duration step = SEQUENTIAL_STEP;
        SideContext c = canary.withInterval(step);
        SideContext s = stable.withInterval(step);
        String cq = QueryTemplate.render(spec.query() != null ? spec.query() : spec.canary(), c);
        String sq = QueryTemplate.render(spec.query() != null ? spec.query() : spec.stable(), s);
        try {
            SortedMap<Long, Double> cv = steps(cq, request, step);
            SortedMap<Long, Double> sv = steps(sq, request, step);
            List<SequentialSampleComparison.Step> steps = new ArrayList<>();
            for (Long t : cv.keySet()) {
                steps.add(new SequentialSampleComparison.Step(
                        Instant.ofEpochSecond(t), cv.get(t), sv.getOrDefault(t, Double.NaN)));
            }
            long paired = SequentialSampleComparison.paired(steps);
            int needed = SequentialSampleComparison.stepsToDecide(set.alphaOrDefault(), spec.directionOrDefault());
            long windowSteps = request.window().length().toSeconds() / step.toSeconds();
            return switch (SequentialSampleComparison.Phase.of(paired, windowSteps, needed)) {
                case EARLY ->
                    samples(earlyAlpha(set.alphaOrDefault(), needed, spec), spec, canary, stable, request, windowStep)
                            .withNote("not sequential before " + needed + " steps of " + step.toSeconds() + " s, "
                                    + paired
                                    + " so far: alpha shared among " + earlyWindows(needed, spec) + " windows, /"
                                    + OVERLAPPING_RANGES + " for overlapping ranges");
                case SPARSE ->
                    samples(set.alphaOrDefault(), spec, canary, stable, request, windowStep)
                            .withNote("not sequential: only " + paired + " of " + windowSteps + " steps of "
                                    + step.toSeconds() + " s had both sides, " + needed + " needed");
                case SEQUENTIAL ->
                    SequentialSampleComparison.compare(spec, steps, step.toSeconds(), set.alphaOrDefault(), cq, sq);
            };
        } catch (ToolCallException | IllegalArgumentException e) {
            return failedQuery(spec, e, cq, sq);
        }
    }

    /**
     * How much further the early looks' alpha is divided, because Mann-Whitney's p-values are
     * optimistic on samples whose ranges overlap by half (neighbours share requests). Calibrated in
     * {@code LatencyUnderRepeatedLooksTest}: with Bonferroni over the windows alone, 3.8-5.8 % of
     * healthy canaries under steady load were significant at some look of an hour; with this, 1.3-1.5 %
     * (0.3 % of that the sign test's), and a canary twice as slow still fails at minute 5.
     */
    static final int OVERLAPPING_RANGES = 20;

    /** The alpha of Mann-Whitney's looks before the sign test can decide. */
    public static double earlyAlpha(double alpha, int stepsToDecide, MetricSpec spec) {
        return alpha / earlyWindows(stepsToDecide, spec) / OVERLAPPING_RANGES;
    }

    /**
     * How many different windows Mann-Whitney can be read on before the sign test takes over: one
     * more sample per 30 s step from the metric's least samples on, until the sign test's steps are
     * there. Its alpha is shared among them (Bonferroni), so that looking at each does not add up.
     */
    public static int earlyWindows(int stepsToDecide, MetricSpec spec) {
        long samplesThen = stepsToDecide
                * SEQUENTIAL_STEP.toSeconds()
                / step(Duration.ZERO).toSeconds();
        return (int) Math.max(1, samplesThen - spec.minSamplesOrDefault());
    }

    /**
     * A range query from one step after the window's start, so the first step lies inside the window;
     * only the steps a previous call of the same rollout has not read are asked for.
     */
    private SortedMap<Long, Double> steps(String query, AnalysisRequest request, Duration step) {
        return kept.steps(
                new KeptSteps.Key(query, request.window().start().plus(step), step),
                request.window().end(),
                (from, to) -> points(query, from, to, step));
    }

    private MetricOutcome events(
            MetricSet set, MetricSpec spec, SideContext canary, SideContext stable, AnalysisRequest request) {
        long seconds = request.window().length().toSeconds();
        String cq = increase(spec.events(), canary, seconds);
        String sq = increase(spec.events(), stable, seconds);
        try {
            OptionalDouble c = instant(cq, request);
            OptionalDouble s = instant(sq, request);
            if (c.isEmpty() && s.isEmpty()) {
                // No series on either side: the counter is not collected here, which is not zero events.
                return new MetricOutcome(
                        spec, Classification.NODATA, false, null, null, null, "no series for either side", cq, sq);
            }
            EventRateComparison.Counts counts = new EventRateComparison.Counts(
                    c.orElse(0),
                    request.canary().pods().size(),
                    s.orElse(0),
                    request.stable().pods().size());
            return set.judgementOrDefault() == Judgement.SEQUENTIAL && spec.directionOrDefault() == Direction.INCREASE
                    ? EventRateComparison.sequential(spec, counts, set.alphaOrDefault(), cq, sq)
                    : EventRateComparison.exact(spec, counts, set.alphaOrDefault(), cq, sq);
        } catch (ToolCallException | IllegalArgumentException e) {
            return failedQuery(spec, e, cq, sq);
        }
    }

    private static MetricOutcome failedQuery(MetricSpec spec, Exception e, String cq, String sq) {
        return new MetricOutcome(
                spec, Classification.NODATA, false, null, null, null, "query failed: " + e.getMessage(), cq, sq);
    }

    private static String increase(String counter, SideContext side, long seconds) {
        return "sum(increase(" + QueryTemplate.render(counter, side) + "[" + seconds + "s]))";
    }

    private static String ratioQuery(MetricSpec spec, SideContext side, long seconds) {
        return increase(spec.numerator(), side, seconds) + " / " + increase(spec.denominator(), side, seconds);
    }

    private OptionalDouble total(String counter, SideContext side, AnalysisRequest request, List<String> notes) {
        String query = increase(counter, side, request.window().length().toSeconds());
        try {
            OptionalDouble value = instant(query, request);
            if (value.isEmpty()) {
                notes.add("no request counter for the canary: " + query);
            }
            return value;
        } catch (ToolCallException | IllegalArgumentException e) {
            notes.add("could not read the canary's traffic: " + e.getMessage());
            return OptionalDouble.empty();
        }
    }

    private OptionalDouble instant(String query, AnalysisRequest request) {
        return PromQlReader.single(tools.call(
                "promql_query",
                Map.of("query", query, "time", request.window().end().toString())));
    }

    private double[] range(String query, AnalysisRequest request, Duration step) {
        Instant start = request.window().start();
        return PromQlReader.series(tools.call(
                "promql_query_range",
                Map.of(
                        "query",
                        query,
                        "start",
                        start.toString(),
                        "end",
                        request.window().end().toString(),
                        "step",
                        step.toSeconds() + "s")));
    }

    private Finding decide(
            MetricSet set,
            List<MetricOutcome> outcomes,
            OptionalDouble requests,
            AnalysisRequest request,
            List<String> notes) {
        Scorecard card = Scorecard.of(outcomes, set);
        List<Evidence> evidence = outcomes.stream()
                .sorted(Comparator.comparingInt(MetricsJudge::rank))
                .map(o -> evidence(o, request))
                .collect(Collectors.toCollection(ArrayList::new));
        List<MetricOutcome> failed =
                outcomes.stream().filter(MetricOutcome::failed).toList();
        List<MetricOutcome> criticalFailed =
                failed.stream().filter(o -> o.spec().isCritical()).toList();
        List<MetricOutcome> criticalMissing = outcomes.stream()
                .filter(o -> o.spec().isCritical() && o.classification() == Classification.NODATA)
                .toList();
        outcomes.stream()
                .filter(o -> o.classification() == Classification.NODATA)
                .forEach(o -> notes.add(o.spec().name() + ": " + o.test()));
        String scoreText = Double.isNaN(card.score())
                ? "no score"
                : String.format(
                        Locale.ROOT,
                        "score %.0f/100 (pass %.0f, marginal %.0f)",
                        card.score(),
                        set.passOrDefault(),
                        set.marginalOrDefault());

        if (!criticalFailed.isEmpty()) {
            double p = criticalFailed.stream()
                    .mapToDouble(o -> o.pValue() == null ? 1 : o.pValue())
                    .min()
                    .orElse(1);
            int confidence = (int) Math.min(
                    MetricsConfidence.CRITICAL_CAP,
                    MetricsConfidence.CRITICAL_BASE
                            + Math.min(
                                    MetricsConfidence.CRITICAL_RAISE_CAP,
                                    -MetricsConfidence.CRITICAL_PER_P_DECADE * Math.log10(Math.max(p, 1e-300))));
            return new Finding(
                    agent,
                    Decision.ROLLBACK,
                    confidence,
                    "Critical metric fails on the canary: " + describe(criticalFailed.get(0)) + "; " + scoreText + ".",
                    evidence,
                    notes);
        }
        if (card.withData() == 0) {
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "No metric could be compared: no data for canary or stable" + " (" + outcomes.size()
                            + " metrics asked).",
                    evidence,
                    notes);
        }
        if (card.score() < set.marginalOrDefault()) {
            int confidence = (int) Math.round(MetricsConfidence.REGRESSION_BASE
                    + MetricsConfidence.REGRESSION_RANGE
                            * (set.marginalOrDefault() - card.score())
                            / Math.max(1, set.marginalOrDefault()));
            return new Finding(
                    agent,
                    Decision.ROLLBACK,
                    Math.min(MetricsConfidence.CAP, confidence),
                    "Metrics regress on the canary: " + scoreText + "; "
                            + failed.stream().map(MetricsJudge::describe).collect(Collectors.joining("; ")) + ".",
                    evidence,
                    notes);
        }
        if (!criticalMissing.isEmpty()) {
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "A critical metric could not be compared ("
                            + criticalMissing.stream().map(o -> o.spec().name()).collect(Collectors.joining(", "))
                            + "); " + scoreText + ".",
                    evidence,
                    notes);
        }
        if (card.score() < set.passOrDefault()) {
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "Marginal: " + scoreText + "; "
                            + failed.stream().map(MetricsJudge::describe).collect(Collectors.joining("; ")) + ".",
                    evidence,
                    notes);
        }
        double coverage = (double) card.withData() / card.total();
        double traffic = requests.isPresent()
                ? Math.min(1, Math.log10(Math.max(1, requests.getAsDouble())) / MetricsConfidence.TRAFFIC_DECADES)
                : MetricsConfidence.UNKNOWN_TRAFFIC;
        int confidence = (int) Math.round(MetricsConfidence.PROMOTE_BASE
                + MetricsConfidence.PROMOTE_COVERAGE * coverage
                + MetricsConfidence.PROMOTE_TRAFFIC * traffic);
        return new Finding(
                agent,
                Decision.PROMOTE,
                Math.min(MetricsConfidence.CAP, confidence),
                String.format(
                        Locale.ROOT,
                        "Canary metrics match the stable: %s; %d of %d metrics compared%s.",
                        scoreText,
                        card.withData(),
                        card.total(),
                        requests.isPresent()
                                ? String.format(Locale.ROOT, " over %.0f canary requests", requests.getAsDouble())
                                : ""),
                evidence,
                notes);
    }

    /** Failing critical first, then failing, then missing data, then passing. */
    private static int rank(MetricOutcome o) {
        if (o.failed()) {
            return o.spec().isCritical() ? 0 : 1;
        }
        return o.classification() == Classification.NODATA ? 2 : 3;
    }

    /** The unit the outcome's values are in: a ratio's, an event rate's, else the metric set's. */
    private static String unit(MetricOutcome o) {
        return o.spec().isRatio()
                ? "ratio"
                : o.spec().isEvents() ? "per pod" : o.spec().unitOrDefault();
    }

    static String describe(MetricOutcome o) {
        String unit = unit(o);
        if (o.classification() == Classification.NODATA) {
            return o.spec().name() + ": no data (" + o.test() + ")";
        }
        // A factor says something only between two positive values (growth rates can be zero or negative).
        String change =
                o.stableValue() != null && o.stableValue() > 0 && o.canaryValue() != null && o.canaryValue() >= 0
                        ? String.format(Locale.ROOT, " (x%.2f)", o.canaryValue() / o.stableValue())
                        : "";
        return String.format(
                Locale.ROOT,
                "%s %s: canary %s vs stable %s%s",
                o.spec().name(),
                o.classification(),
                Values.format(o.canaryValue(), unit),
                Values.format(o.stableValue(), unit),
                change);
    }

    private static Evidence evidence(MetricOutcome o, AnalysisRequest request) {
        Severity severity = o.failed()
                ? (o.spec().isCritical() ? Severity.CRITICAL : Severity.ERROR)
                : o.classification() == Classification.NODATA ? Severity.WARNING : Severity.INFO;
        return new PromQlEvidence(
                describe(o),
                severity,
                o.spec().name(),
                o.canaryQuery(),
                o.stableQuery(),
                o.canaryValue(),
                o.stableValue(),
                request.window().start(),
                request.window().end(),
                o.test(),
                unit(o),
                o.trace());
    }
}
