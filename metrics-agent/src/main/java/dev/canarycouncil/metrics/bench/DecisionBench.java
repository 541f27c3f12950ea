package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Seeded simulated rollouts, healthy and broken at several effect sizes and traffic levels, each
 * judged by every rule at every look; every rule sees the same requests. Used by {@code bench decisions}.
 */
public final class DecisionBench {

    /** The tick the traffic is simulated at; looks are whole multiples of it. */
    static final Duration TICK = Duration.ofSeconds(10);

    /**
     * @param rollouts     simulated rollouts per traffic level and ratio
     * @param window       the analysis window (the fixed-window judge decides at its end)
     * @param looks        how often the controller looks, each a multiple of 10 s
     * @param rps          traffic levels, requests per second over both sides
     * @param ratios       canary error rate over stable's: 1 is healthy, {@code >= broken} broken
     * @param canaryWeight the canary's share of the traffic
     * @param errorRate    the stable's error rate
     * @param alpha        the false-alarm rate the tests are set to
     * @param beta         the false-promote rate the sequential safety test is set to
     * @param tolerated    the rate ratio a canary may reach and still be promoted early
     * @param broken       the least ratio counted as a broken canary in the figures
     */
    public record Settings(
            int rollouts,
            Duration window,
            List<Duration> looks,
            List<Double> rps,
            List<Double> ratios,
            double canaryWeight,
            double errorRate,
            double alpha,
            double beta,
            double tolerated,
            double broken,
            long seed) {

        public Settings {
            if (rollouts < 1) {
                throw new IllegalArgumentException("at least one rollout per case, was " + rollouts);
            }
            for (Duration look : looks) {
                if (look.toMillis() % TICK.toMillis() != 0 || look.isZero() || look.compareTo(window) > 0) {
                    throw new IllegalArgumentException(
                            "a look interval must be a multiple of 10 s within the window, was " + look);
                }
            }
            looks = List.copyOf(looks);
            rps = List.copyOf(rps);
            ratios = List.copyOf(ratios);
        }

        public static Settings defaults() {
            return new Settings(
                    300,
                    Duration.ofMinutes(60),
                    List.of(Duration.ofSeconds(10), Duration.ofMinutes(1)),
                    List.of(2.0, 20.0, 200.0),
                    List.of(1.0, 2.0, 5.0, 100.0),
                    0.2,
                    0.005,
                    0.01,
                    0.05,
                    1.5,
                    2.0,
                    42);
        }

        List<Supplier<DecisionRule>> rules() {
            return List.of(
                    DecisionRules.sequential(alpha, beta, tolerated),
                    DecisionRules.fixedWindow(alpha),
                    DecisionRules.peeking(alpha),
                    DecisionRules.argoThreshold(0.95, 3));
        }
    }

    /**
     * What one rule decided for one simulated rollout.
     *
     * @param at              when it decided (the window's end when it waited for it)
     * @param canaryRequests  requests the canary had served by then
     */
    public record Outcome(
            String rule,
            Duration look,
            double rps,
            double ratio,
            Decision decision,
            Duration at,
            long canaryRequests) {}

    private DecisionBench() {}

    public static List<Outcome> run(Settings s, Consumer<String> progress) {
        List<Outcome> outcomes = new ArrayList<>();
        int cases = s.rps().size() * s.ratios().size();
        int done = 0;
        for (double rps : s.rps()) {
            for (double ratio : s.ratios()) {
                SimulatedRollout rollout = new SimulatedRollout(rps, s.canaryWeight(), s.errorRate(), ratio);
                for (int i = 0; i < s.rollouts(); i++) {
                    long seed =
                            s.seed() * 1_000_003L + (long) Double.hashCode(rps) * 31 + Double.hashCode(ratio) * 17L + i;
                    List<SimulatedRollout.Tick> ticks = rollout.run(s.window(), TICK, seed);
                    for (Duration look : s.looks()) {
                        for (Supplier<DecisionRule> rule : s.rules()) {
                            outcomes.add(judge(rule.get(), ticks, look, rps, ratio));
                        }
                    }
                }
                done++;
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "%d/%d: %d rollouts at %.0f rps, ratio %.1f",
                        done,
                        cases,
                        s.rollouts(),
                        rps,
                        ratio));
            }
        }
        return outcomes;
    }

    private static Outcome judge(
            DecisionRule rule, List<SimulatedRollout.Tick> ticks, Duration look, double rps, double ratio) {
        int perLook = (int) (look.toMillis() / TICK.toMillis());
        DecisionRule.Counts cumulative = DecisionRule.Counts.ZERO;
        DecisionRule.Counts since = DecisionRule.Counts.ZERO;
        for (int t = 0; t < ticks.size(); t++) {
            cumulative = cumulative.plus(ticks.get(t));
            since = since.plus(ticks.get(t));
            if ((t + 1) % perLook == 0) {
                Optional<Decision> d = rule.look(since, cumulative);
                since = DecisionRule.Counts.ZERO;
                if (d.isPresent()) {
                    return new Outcome(
                            rule.name(),
                            look,
                            rps,
                            ratio,
                            d.get(),
                            TICK.multipliedBy(t + 1L),
                            cumulative.canaryRequests());
                }
            }
        }
        return new Outcome(
                rule.name(),
                look,
                rps,
                ratio,
                rule.atEnd(cumulative),
                TICK.multipliedBy(ticks.size()),
                cumulative.canaryRequests());
    }
}
