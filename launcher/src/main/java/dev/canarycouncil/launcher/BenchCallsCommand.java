package dev.canarycouncil.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost of a controller's call early and late in an hour-long window, for one rollout and for
 * many at once: the log analyst that keeps what it read against one that reads the whole window.
 */
@Command(
        name = "calls",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Measure the log analyst once a minute over a window of seeded, continuously written pod logs, served by "
                    + "the real MCP server over HTTP: one rollout, then many at once.",
            "Prints the first and last call's latency, CPU and lines read, kept against whole-window reading, and "
                    + "ends with one line: call1_ms=… calllast_ms=… calllast_whole_ms=… concurrent_wall_s=… "
                    + "concurrent_whole_wall_s=…"
        })
final class BenchCallsCommand implements Callable<Integer> {

    @Option(
            names = "--rollouts",
            defaultValue = "50",
            description = "Rollouts measured at once in the second part (default: ${DEFAULT-VALUE}).")
    int rollouts;

    @Option(
            names = "--minutes",
            defaultValue = "60",
            description = "Window length; one call per minute (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(
            names = "--pods",
            defaultValue = "2",
            description = "Pods per side, canary and stable (default: ${DEFAULT-VALUE}).")
    int pods;

    @Option(
            names = "--max-gap-ms",
            defaultValue = "200",
            description = "Each pod writes a record every 1 to this many ms: 200 is about 10 per second "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxGapMillis;

    @Option(names = "--seed", defaultValue = "42", description = "Log seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (rollouts < 1 || rollouts > 500) {
            throw new UsageException("--rollouts must be 1 to 500, was " + rollouts);
        }
        if (minutes < 2 || minutes > 24 * 60) {
            throw new UsageException("--minutes must be 2 to 1440, was " + minutes);
        }
        if (pods < 1 || pods > 10) {
            throw new UsageException("--pods must be 1 to 10 (the analyst reads at most 10 per side), was " + pods);
        }
        if (maxGapMillis < 1) {
            throw new UsageException("--max-gap-ms must be at least 1, was " + maxGapMillis);
        }
        Path dir = Files.createTempDirectory("bench-calls");
        try {
            System.out.printf(
                    Locale.ROOT,
                    "%d pods per side, each writing about %.0f records a second; one call a minute for %d minutes; "
                            + "%d cores%n",
                    pods,
                    2000.0 / (1 + maxGapMillis),
                    minutes,
                    Runtime.getRuntime().availableProcessors());
            // The first calls of a fresh JVM run interpreted code; a short throwaway rollout compiles it.
            System.err.println("  warming up");
            CallCostBench.run(
                    new CallCostBench.Settings(2, Math.min(minutes, 10), pods, maxGapMillis, seed + 1),
                    dir.resolve("warm-up"),
                    line -> {});
            CallCostBench.Figures one = CallCostBench.run(
                    new CallCostBench.Settings(1, minutes, pods, maxGapMillis, seed),
                    dir.resolve("one"),
                    line -> System.err.println("  one rollout, " + line));
            System.out.println("one rollout:");
            print(one);
            CallCostBench.Figures many = CallCostBench.run(
                    new CallCostBench.Settings(rollouts, minutes, pods, maxGapMillis, seed),
                    dir.resolve("many"),
                    line -> System.err.println("  " + rollouts + " rollouts, " + line));
            System.out.println(rollouts + " rollouts at once:");
            print(many);
            MetricsCallBench.Figures metrics = MetricsCallBench.run(dir.resolve("metrics"), minutes, seed);
            System.out.println("metrics judge, one rollout (generated healthy canary, recorded PromQL engine):");
            printCosts("kept        ", metrics.keptFirst(), metrics.keptLast(), metrics.calls());
            printCosts("whole window", metrics.wholeFirst(), metrics.wholeLast(), metrics.calls());
            System.out.printf(
                    Locale.ROOT,
                    "  calls concluding as the whole-window judge (verdict, confidence, summary): %d of %d%n",
                    metrics.sameConclusions(),
                    metrics.calls());
            CallCostBench.Round last = one.kept().get(one.kept().size() - 1);
            CallCostBench.Round manyLast = many.kept().get(many.kept().size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "call1_ms=%.0f calllast_ms=%.0f calllast_whole_ms=%.0f concurrent_wall_s=%.2f "
                            + "concurrent_whole_wall_s=%.2f%n",
                    one.kept().get(0).p50Ms(),
                    last.p50Ms(),
                    one.wholeLast().p50Ms(),
                    manyLast.wallSeconds(),
                    many.wholeLast().wallSeconds());
            return ExitCodes.PROMOTE;
        } finally {
            delete(dir);
        }
    }

    private static void printCosts(String judge, MetricsCallBench.Cost first, MetricsCallBench.Cost last, int calls) {
        System.out.printf(
                Locale.ROOT,
                "  %s  call 1: %5.0f ms, cpu %5.2f s | call %d: %5.0f ms, cpu %5.2f s%n",
                judge,
                first.ms(),
                first.cpuSeconds(),
                calls,
                last.ms(),
                last.cpuSeconds());
    }

    private static void print(CallCostBench.Figures f) {
        CallCostBench.Round first = f.kept().get(0);
        CallCostBench.Round last = f.kept().get(f.kept().size() - 1);
        System.out.println("  kept          " + describe(first) + " | " + describe(last));
        System.out.println("  whole window  " + describe(f.wholeFirst()) + " | " + describe(f.wholeLast()));
        System.out.printf(
                Locale.ROOT,
                "  logs written: %.1f MB, %d lines; read by the kept calls in all: %d lines%n",
                f.logBytes() / 1e6,
                f.logLines(),
                f.keptLines());
        System.out.printf(
                Locale.ROOT,
                "  heap held by the kept readings after the last call: %.1f MB (%.2f MB a rollout)%n",
                f.keptHeapBytes() / 1e6,
                f.keptHeapBytes() / 1e6 / f.settings().rollouts());
        // Canary and stable write the same seeded mix, rare Go panics and Java exceptions included: a
        // ROLLBACK here is either a panic the canary logged before the stable did (crashes decide at
        // once, by design) or a comparison raising a false alarm on repeated looks.
        Map<String, Long> verdicts = f.kept().stream()
                .flatMap(r -> r.conclusions().stream())
                .collect(Collectors.groupingBy(c -> c.split(" ", 2)[0], TreeMap::new, Collectors.counting()));
        System.out.println("  verdicts of all kept calls (both sides write the same mix): " + verdicts);
        // Each rollback's reason, up to its first count: which failure, not which occurrence.
        f.kept().stream()
                .flatMap(r -> r.conclusions().stream())
                .filter(c -> c.startsWith("ROLLBACK"))
                .map(c -> c.replaceFirst("^ROLLBACK \\d+ ", "").replaceFirst(",? \\d+ time\\(s\\).*", ""))
                .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()))
                .forEach((reason, n) -> System.out.println("    " + n + " × " + reason));
        if (f.wholeLast().lines() < f.logLines()) {
            System.out.printf(
                    Locale.ROOT,
                    "  the whole-window read got %d of the %d lines: each container's fetch is cut to its newest "
                            + "4 MiB%n",
                    f.wholeLast().lines(),
                    f.logLines());
        }
        System.out.printf(
                Locale.ROOT,
                "  last call concludes as the whole-window read (verdict, confidence, summary): %d of %d rollouts%n",
                f.sameConclusions(),
                f.settings().rollouts());
        List<String> kept = f.kept().get(f.kept().size() - 1).conclusions();
        for (int i = 0; i < kept.size(); i++) {
            if (!kept.get(i).equals(f.wholeLast().conclusions().get(i))) {
                System.out.println("    e.g. kept:  " + kept.get(i));
                System.out.println(
                        "         whole: " + f.wholeLast().conclusions().get(i));
                break;
            }
        }
    }

    private static String describe(CallCostBench.Round r) {
        return String.format(
                Locale.ROOT,
                "minute %2d: wall %6.2f s, cpu %6.2f s, call p50 %6.0f ms max %6.0f ms, %8d lines read",
                r.minute(),
                r.wallSeconds(),
                r.cpuSeconds(),
                r.p50Ms(),
                r.maxMs(),
                r.lines());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
