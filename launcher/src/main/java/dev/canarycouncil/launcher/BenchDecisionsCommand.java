package dev.canarycouncil.launcher;

import dev.canarycouncil.metrics.bench.DecisionBench;
import dev.canarycouncil.metrics.bench.DecisionFigures;
import dev.canarycouncil.metrics.bench.LatencyBench;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Thousands of seeded simulated rollouts judged as a controller looks at them: the council's
 * sequential test against a fixed-window test, the same test repeated at every look, and Argo's
 * success-rate threshold; then the same for p95 latency.
 */
@Command(
        name = "decisions",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Simulate healthy and broken canaries at several traffic levels and effect sizes, looked at every 10 s and "
                    + "every minute, and compare how each judge decides.",
            "Prints one line per look interval and judge: false_alarm=… false_promote=… rollback_p50_s=… "
                    + "requests_before_rollback_p50=… promote_p50_s=… correct_p50_s=…",
            "Then the same for p95 latency (canaries slower by a factor, looked at every 30 s and every minute), "
                    + "each line starting with 'latency'."
        })
final class BenchDecisionsCommand implements Callable<Integer> {

    @Option(
            names = "--rollouts",
            defaultValue = "300",
            description = "Simulated rollouts per traffic level and error ratio (default: ${DEFAULT-VALUE}).")
    int rollouts;

    @Option(
            names = "--window-minutes",
            defaultValue = "60",
            description = "The analysis window; the fixed-window judge decides at its end (default: ${DEFAULT-VALUE}).")
    int windowMinutes;

    @Option(
            names = "--alpha",
            defaultValue = "0.01",
            description =
                    "False-alarm rate the tests are set to (default: ${DEFAULT-VALUE}, the metric sets' default).")
    double alpha;

    @Option(
            names = "--beta",
            defaultValue = "0.05",
            description = "False-promote rate of the sequential early promotion (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(
            names = "--tolerated",
            defaultValue = "1.5",
            description = "Error-rate ratio a canary may have and still be promoted early (default: ${DEFAULT-VALUE}).")
    double tolerated;

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        check(rollouts >= 1, "--rollouts must be at least 1, was " + rollouts);
        check(
                windowMinutes >= 1 && windowMinutes <= 24 * 60,
                "--window-minutes must be 1 to 1440, was " + windowMinutes);
        check(alpha > 0 && alpha < 1, "--alpha must be in (0, 1), was " + alpha);
        check(beta > 0 && beta < 1, "--beta must be in (0, 1), was " + beta);
        check(tolerated > 1, "--tolerated must be above 1, was " + tolerated);
        DecisionBench.Settings d = DecisionBench.Settings.defaults();
        DecisionBench.Settings s = new DecisionBench.Settings(
                rollouts,
                Duration.ofMinutes(windowMinutes),
                d.looks(),
                d.rps(),
                d.ratios(),
                d.canaryWeight(),
                d.errorRate(),
                alpha,
                beta,
                tolerated,
                d.broken(),
                seed);
        System.out.printf(
                Locale.ROOT,
                "%d rollouts per case; traffic %s rps, canary weight %.0f%%, stable error rate %.1f%%, canary error "
                        + "ratio %s (1: healthy; >= %.0f: broken); window %d min; alpha %.3g, beta %.3g, tolerated x%.2f%n",
                rollouts,
                s.rps(),
                s.canaryWeight() * 100,
                s.errorRate() * 100,
                s.ratios(),
                s.broken(),
                windowMinutes,
                alpha,
                beta,
                tolerated);
        long started = System.nanoTime();
        List<DecisionBench.Outcome> outcomes = DecisionBench.run(s, line -> System.err.println("  " + line));
        List<String> rules = rules(outcomes);
        printOverall("", outcomes, rules, s.looks(), s.broken());
        System.out.println("by canary error ratio (broken only):");
        for (Duration look : s.looks()) {
            for (double ratio : s.ratios()) {
                if (ratio < s.broken()) {
                    continue;
                }
                for (String rule : rules) {
                    System.out.println(String.format(Locale.ROOT, "  ratio=%.0f ", ratio)
                            + DecisionFigures.of(outcomes, rule, look, s.broken(), o -> o.ratio() == ratio)
                                    .brokenLine());
                }
            }
        }
        printByTraffic("", outcomes, rules, s.looks(), s.rps(), s.broken());
        System.out.printf(
                Locale.ROOT,
                "simulated %d rollouts, %d judgements in %.1f s%n",
                rollouts * s.rps().size() * s.ratios().size(),
                outcomes.size(),
                (System.nanoTime() - started) / 1e9);
        latency();
        return ExitCodes.PROMOTE;
    }

    /** The same comparison for p95 latency: the sign test against Mann-Whitney once, at every look, and a ratio threshold. */
    private void latency() {
        LatencyBench.Settings l =
                LatencyBench.Settings.defaults().with(rollouts, Duration.ofMinutes(windowMinutes), alpha, seed);
        System.out.printf(
                Locale.ROOT,
                "p95 latency: %d rollouts per case; traffic %s rps, canary weight %.0f%%, stable median %.0f ms; canary "
                        + "slowdown %s (1: healthy; >= x%.1f: broken); p95 may grow x%.2f and %.0f ms; window %d min; "
                        + "alpha %.3g%n",
                rollouts,
                l.rps(),
                l.canaryWeight() * 100,
                LatencyBench.MEDIAN_SECONDS * 1000,
                l.slowdowns(),
                l.broken(),
                LatencyBench.P95.allowedIncreaseOrDefault(),
                LatencyBench.P95.minDeltaOrDefault() * 1000,
                windowMinutes,
                alpha);
        long started = System.nanoTime();
        List<DecisionBench.Outcome> outcomes = LatencyBench.run(l, line -> System.err.println("  " + line));
        List<String> rules = rules(outcomes);
        printOverall("latency ", outcomes, rules, l.looks(), l.broken());
        printByTraffic("latency ", outcomes, rules, l.looks(), l.rps(), l.broken());
        System.out.printf(
                Locale.ROOT,
                "simulated %d latency rollouts, %d judgements in %.1f s%n",
                rollouts * l.rps().size() * l.slowdowns().size(),
                outcomes.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private static List<String> rules(List<DecisionBench.Outcome> outcomes) {
        return outcomes.stream().map(DecisionBench.Outcome::rule).distinct().toList();
    }

    /** One line per look interval and judge, over every simulated rollout. */
    private static void printOverall(
            String prefix,
            List<DecisionBench.Outcome> outcomes,
            List<String> rules,
            List<Duration> looks,
            double broken) {
        for (Duration look : looks) {
            for (String rule : rules) {
                System.out.println(prefix
                        + DecisionFigures.of(outcomes, rule, look, broken).line());
            }
        }
    }

    /** The same per traffic level, under a heading. */
    private static void printByTraffic(
            String prefix,
            List<DecisionBench.Outcome> outcomes,
            List<String> rules,
            List<Duration> looks,
            List<Double> rps,
            double broken) {
        System.out.println(prefix + "by traffic:");
        for (Duration look : looks) {
            for (double level : rps) {
                for (String rule : rules) {
                    System.out.println(String.format(Locale.ROOT, "  rps=%.0f ", level)
                            + DecisionFigures.of(outcomes, rule, look, broken, o -> o.rps() == level)
                                    .line());
                }
            }
        }
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new UsageException(problem);
        }
    }
}
