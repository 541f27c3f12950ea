package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One rule's record over a set of simulated rollouts.
 *
 * @param falseAlarm     healthy canaries rolled back, as a share of the healthy
 * @param falsePromote   broken canaries promoted, as a share of the broken
 * @param rollbackP50    median time to roll a broken canary back
 * @param requestsP50    median requests a broken canary served before it was rolled back
 * @param promoteP50     median time to promote a healthy canary
 * @param correctP50     median time to the right decision, healthy and broken together
 */
public record DecisionFigures(
        String rule,
        Duration look,
        int healthy,
        int broken,
        double falseAlarm,
        double falsePromote,
        Optional<Duration> rollbackP50,
        Optional<Long> requestsP50,
        Optional<Duration> promoteP50,
        Optional<Duration> correctP50) {

    /** The figures of {@code rule} at {@code look}; healthy is ratio 1, broken at least {@code broken}. */
    public static DecisionFigures of(List<DecisionBench.Outcome> all, String rule, Duration look, double broken) {
        return of(all, rule, look, broken, o -> true);
    }

    /** The same, over the rollouts {@code which} selects (one traffic level, say). */
    public static DecisionFigures of(
            List<DecisionBench.Outcome> all,
            String rule,
            Duration look,
            double broken,
            Predicate<DecisionBench.Outcome> which) {
        Predicate<DecisionBench.Outcome> mine =
                o -> o.rule().equals(rule) && o.look().equals(look) && which.test(o);
        List<DecisionBench.Outcome> healthy =
                all.stream().filter(mine).filter(o -> o.ratio() == 1).toList();
        List<DecisionBench.Outcome> bad =
                all.stream().filter(mine).filter(o -> o.ratio() >= broken).toList();
        List<DecisionBench.Outcome> caught =
                bad.stream().filter(o -> o.decision() == Decision.ROLLBACK).toList();
        List<DecisionBench.Outcome> promoted =
                healthy.stream().filter(o -> o.decision() == Decision.PROMOTE).toList();
        List<Duration> correct = java.util.stream.Stream.concat(caught.stream(), promoted.stream())
                .map(DecisionBench.Outcome::at)
                .toList();
        return new DecisionFigures(
                rule,
                look,
                healthy.size(),
                bad.size(),
                share(healthy.size() - promoted.size(), healthy.size()),
                share(bad.size() - caught.size(), bad.size()),
                median(caught.stream().map(DecisionBench.Outcome::at).toList()),
                median(caught.stream()
                        .map(DecisionBench.Outcome::canaryRequests)
                        .toList()),
                median(promoted.stream().map(DecisionBench.Outcome::at).toList()),
                median(correct));
    }

    /** One line: {@code look=10s rule=sequential false_alarm=… false_promote=… rollback_p50_s=… …} */
    public String line() {
        return String.format(
                Locale.ROOT,
                "look=%ds rule=%s false_alarm=%.3f false_promote=%.3f rollback_p50_s=%s requests_before_rollback_p50=%s "
                        + "promote_p50_s=%s correct_p50_s=%s",
                look.toSeconds(),
                rule,
                falseAlarm,
                falsePromote,
                rollbackP50.map(d -> String.valueOf(d.toSeconds())).orElse("-"),
                requestsP50.map(String::valueOf).orElse("-"),
                promoteP50.map(d -> String.valueOf(d.toSeconds())).orElse("-"),
                correctP50.map(d -> String.valueOf(d.toSeconds())).orElse("-"));
    }

    /** The broken canaries' part of {@link #line()}, for figures over broken canaries only. */
    public String brokenLine() {
        return String.format(
                Locale.ROOT,
                "look=%ds rule=%s false_promote=%.3f rollback_p50_s=%s requests_before_rollback_p50=%s",
                look.toSeconds(),
                rule,
                falsePromote,
                rollbackP50.map(d -> String.valueOf(d.toSeconds())).orElse("-"),
                requestsP50.map(String::valueOf).orElse("-"));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** Nearest rank, as the eval's p50. */
    private static <T extends Comparable<T>> Optional<T> median(List<T> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<T> sorted = values.stream().sorted().toList();
        return Optional.of(sorted.get((sorted.size() - 1) / 2));
    }
}
