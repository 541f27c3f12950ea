package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.metrics.config.MetricSpec;
import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Seeded simulated rollouts judged on their p95 latency, healthy and slower at several factors and
 * traffic levels, each judged by every rule at every look; every rule sees the same requests. The
 * latency part of {@code bench decisions}; its outcomes are {@link DecisionBench.Outcome}s, the
 * slowdown in place of the error ratio.
 */
public final class LatencyBench {

    /**
     * @param rollouts     simulated rollouts per traffic level and slowdown
     * @param window       the analysis window (the fixed-window judge decides at its end)
     * @param looks        how often the controller looks, each a multiple of 30 s
     * @param rps          traffic levels, requests per second over both sides
     * @param slowdowns    the canary's latency over the stable's: 1 is healthy, {@code >= broken} broken
     * @param canaryWeight the canary's share of the traffic
     * @param loadSpread   log-scale sigma of a load both sides share, drawn each minute
     * @param alpha        the false-alarm rate the tests are set to
     * @param broken       the least slowdown counted as a broken canary in the figures
     */
    public record Settings(
            int rollouts,
            Duration window,
            List<Duration> looks,
            List<Double> rps,
            List<Double> slowdowns,
            double canaryWeight,
            double loadSpread,
            double alpha,
            double broken,
            long seed) {

        public Settings {
            if (rollouts < 1) {
                throw new IllegalArgumentException("at least one rollout per case, was " + rollouts);
            }
            long slot = LatencyHistograms.SLOT.toMillis();
            for (Duration look : looks) {
                if (look.toMillis() % slot != 0 || look.isZero() || look.compareTo(window) > 0) {
                    throw new IllegalArgumentException(
                            "a look interval must be a multiple of 30 s within the window, was " + look);
                }
            }
            looks = List.copyOf(looks);
            rps = List.copyOf(rps);
            slowdowns = List.copyOf(slowdowns);
        }

        public static Settings defaults() {
            return new Settings(
                    300,
                    Duration.ofMinutes(60),
                    List.of(Duration.ofSeconds(30), Duration.ofMinutes(1)),
                    List.of(2.0, 20.0, 200.0),
                    List.of(1.0, 1.6, 2.0, 3.0),
                    0.2,
                    0.0,
                    0.01,
                    1.6,
                    42);
        }

        /** The same settings with other rollouts, window, alpha and seed (what the command lets a user set). */
        public Settings with(int newRollouts, Duration newWindow, double newAlpha, long newSeed) {
            return new Settings(
                    newRollouts, newWindow, looks, rps, slowdowns, canaryWeight, loadSpread, newAlpha, broken, newSeed);
        }

        List<Supplier<LatencyRule>> rules() {
            return List.of(
                    LatencyRules.sequential(alpha, P95),
                    LatencyRules.fixedWindow(alpha, P95),
                    LatencyRules.peeking(alpha, P95),
                    LatencyRules.argoThreshold(P95.allowedIncreaseOrDefault(), 3));
        }
    }

    /** The stable's median latency, and how far one request's strays from it (log-scale sigma). */
    public static final double MEDIAN_SECONDS = 0.040;

    static final double SPREAD = 0.5;

    /** The metric judged: the bundled presets' p95. */
    public static final MetricSpec P95 = LatencyRules.p95();

    private LatencyBench() {}

    public static List<DecisionBench.Outcome> run(Settings s, Consumer<String> progress) {
        List<DecisionBench.Outcome> outcomes = new ArrayList<>();
        int cases = s.rps().size() * s.slowdowns().size();
        int done = 0;
        for (double rps : s.rps()) {
            for (double slowdown : s.slowdowns()) {
                SimulatedLatency latency = new SimulatedLatency(
                        rps * s.canaryWeight(),
                        rps * (1 - s.canaryWeight()),
                        MEDIAN_SECONDS,
                        SPREAD,
                        s.loadSpread(),
                        slowdown);
                for (int i = 0; i < s.rollouts(); i++) {
                    long seed = s.seed() * 1_000_003L
                            + (long) Double.hashCode(rps) * 31
                            + Double.hashCode(slowdown) * 17L
                            + i;
                    LatencyHistograms seen = latency.run(s.window(), seed);
                    for (Duration look : s.looks()) {
                        for (Supplier<LatencyRule> rule : s.rules()) {
                            outcomes.add(judge(rule.get(), seen, look, rps, slowdown));
                        }
                    }
                }
                done++;
                progress.accept(String.format(
                        Locale.ROOT,
                        "latency %d/%d: %d rollouts at %.0f rps, slowdown x%.1f",
                        done,
                        cases,
                        s.rollouts(),
                        rps,
                        slowdown));
            }
        }
        return outcomes;
    }

    private static DecisionBench.Outcome judge(
            LatencyRule rule, LatencyHistograms seen, Duration look, double rps, double slowdown) {
        int perLook = (int) (look.toMillis() / LatencyHistograms.SLOT.toMillis());
        for (int slots = perLook; slots <= seen.slots(); slots += perLook) {
            Optional<Decision> d = rule.look(seen, slots, perLook);
            if (d.isPresent()) {
                return outcome(rule, look, rps, slowdown, d.get(), seen, slots);
            }
        }
        return outcome(rule, look, rps, slowdown, rule.atEnd(seen, seen.slots()), seen, seen.slots());
    }

    private static DecisionBench.Outcome outcome(
            LatencyRule rule,
            Duration look,
            double rps,
            double slowdown,
            Decision decision,
            LatencyHistograms seen,
            int slots) {
        return new DecisionBench.Outcome(
                rule.name(),
                look,
                rps,
                slowdown,
                decision,
                LatencyHistograms.SLOT.multipliedBy(slots),
                seen.canaryRequests(slots));
    }
}
