package dev.canarycouncil.launcher;

import dev.canarycouncil.loganalyst.bench.FormatBenchmark;
import dev.canarycouncil.loganalyst.bench.FormatSample;
import dev.canarycouncil.loganalyst.bench.FormatSamples;
import dev.canarycouncil.loganalyst.bench.FormatScore;
import dev.canarycouncil.loganalyst.bench.LoghubBenchmark;
import dev.canarycouncil.loganalyst.bench.LoghubData;
import dev.canarycouncil.loganalyst.bench.LoghubSystem;
import dev.canarycouncil.loganalyst.bench.ThroughputBenchmark;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The log analyst's template mining, measured: grouping accuracy on LogHub-2k next to Drain's
 * published figures, then single-threaded throughput of the whole log pipeline.
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Grouping accuracy of the log template miner on LogHub-2k (per system and mean, next to "
                    + "Drain's published figures), and lines/s of the whole log pipeline on one thread; with --formats, "
                    + "how each bundled log format sample is read and how fast.",
            "LogHub: Zhu et al., ICSE 2019; He et al., ISSRE 2023."
        })
final class BenchLogsCommand implements Callable<Integer> {

    @Option(
            names = "--loghub",
            paramLabel = "DIR",
            description =
                    "The LogHub-2k directory (settings.json and one folder per system), e.g. ../shared/data/loghub-2k.")
    Path loghub;

    @Option(
            names = "--formats",
            description = "Read the bundled labelled sample of every log format (docs/log-formats.md) "
                    + "and print, per format, records and exceptions read as labelled and lines/s.")
    boolean formats;

    @Option(
            names = "--format-lines",
            defaultValue = "200000",
            paramLabel = "N",
            description =
                    "Lines per format for --formats' throughput: its sample repeated (default: ${DEFAULT-VALUE}).")
    long formatLines;

    @Option(
            names = "--lines",
            defaultValue = "1000000",
            paramLabel = "N",
            description = "Lines per throughput round, half stable and half canary (default: ${DEFAULT-VALUE}).")
    long lines;

    @Option(
            names = "--rounds",
            defaultValue = "5",
            description = "Measured throughput rounds; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--warmups",
            defaultValue = "2",
            description = "Unmeasured rounds first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(
            names = {"-q", "--quiet"},
            description = "Do not print progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (loghub == null && !formats) {
            throw new UsageException("give --loghub DIR, --formats, or both");
        }
        if (formats && (formatLines < 1 || rounds < 1)) {
            throw new UsageException("--format-lines and --rounds must be at least 1");
        }
        if (formats) {
            printFormats(System.out);
            if (loghub == null) {
                return 0;
            }
            System.out.println();
        }
        if (!Files.isDirectory(loghub)) {
            throw new UsageException("--loghub " + loghub + " is not a directory");
        }
        if (lines < 2 || rounds < 1 || warmups < 0) {
            throw new UsageException("--lines must be at least 2, --rounds at least 1, --warmups at least 0");
        }
        List<LoghubSystem> systems;
        try {
            systems = LoghubData.load(loghub);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        PrintStream out = System.out;
        double mean = printAccuracy(out, systems);
        ThroughputBenchmark.Result t = new ThroughputBenchmark(lines, warmups, rounds).run(step -> {
            if (!quiet) {
                System.err.println("throughput: " + step + " (" + lines + " lines)");
            }
        });
        out.printf(
                Locale.ROOT,
                "throughput: %,d lines (half stable, half canary) in %.2f s, median of %d rounds: "
                        + "%,.0f lines/s on one thread (%,.0f per CPU-second of that thread); "
                        + "peak heap %.0f MiB with garbage, %.1f MiB retained; %d templates%n",
                t.lines(),
                t.medianNanos() / 1e9,
                t.rounds(),
                t.linesPerSecond(),
                t.linesPerCpuSecond(),
                t.peakHeapBytes() / 1048576.0,
                t.retainedBytes() / 1048576.0,
                t.templates());
        out.printf(
                Locale.ROOT,
                "mean_accuracy=%.4f published_mean=%.4f lines_per_s=%.0f peak_heap_mb=%.0f%n",
                mean,
                LoghubBenchmark.PUBLISHED_MEAN,
                t.linesPerSecond(),
                t.peakHeapBytes() / 1048576.0);
        return 0;
    }

    /** One row per bundled format sample, a total row, and one line for scripts. */
    private void printFormats(PrintStream out) {
        List<FormatSample> samples = FormatSamples.all();
        out.println(
                "Log formats: each bundled sample read as its labels say (docs/log-formats.md), and lines/s of the whole "
                        + "pipeline on the sample repeated to " + formatLines + " lines, one thread, median of "
                        + rounds + " rounds");
        out.printf(Locale.ROOT, "%-30s %9s %13s %10s %11s%n", "format", "records", "exceptions", "levels", "lines/s");
        long records = 0;
        long recognised = 0;
        long exceptions = 0;
        long located = 0;
        long lines = 0;
        double seconds = 0;
        FormatBenchmark bench = new FormatBenchmark(formatLines, rounds);
        for (FormatSample sample : samples) {
            if (!quiet) {
                System.err.println("formats: " + sample.name());
            }
            FormatBenchmark.Result r = bench.run(sample);
            FormatScore s = r.score();
            out.printf(
                    Locale.ROOT,
                    "%-30s %4d/%-4d %6d/%-6d %4d/%-4d %,11.0f%n",
                    s.name(),
                    s.recognised(),
                    s.records(),
                    s.exceptionsLocated(),
                    s.exceptions(),
                    s.levels(),
                    s.records(),
                    r.linesPerSecond());
            s.problems().stream().limit(3).forEach(p -> out.println("    " + p));
            records += s.records();
            recognised += s.recognised();
            exceptions += s.exceptions();
            located += s.exceptionsLocated();
            lines += r.lines();
            seconds += r.lines() / r.linesPerSecond();
        }
        out.printf(
                Locale.ROOT,
                "%-30s %4d/%-4d %6d/%-6d %16s %,11.0f%n",
                "all " + samples.size() + " formats",
                recognised,
                records,
                located,
                exceptions,
                "",
                lines / seconds);
        out.printf(
                Locale.ROOT,
                "formats=%d records_recognised=%.4f exceptions_located=%.4f lines_per_s=%.0f%n",
                samples.size(),
                (double) recognised / records,
                (double) located / exceptions,
                lines / seconds);
    }

    /** Prints one row per system and the mean row; returns the mean with the reference settings. */
    private static double printAccuracy(PrintStream out, List<LoghubSystem> systems) {
        out.println("LogHub-2k grouping accuracy (Drain with each system's published settings; "
                + "+masker also applies the service-log token masker)");
        out.printf(
                Locale.ROOT,
                "%-12s %6s %6s %7s %9s %10s %8s%n",
                "system",
                "lines",
                "truth",
                "parsed",
                "accuracy",
                "published",
                "+masker");
        double sum = 0;
        double sumPublished = 0;
        double sumMasked = 0;
        int published = 0;
        TokenMasker masker = new TokenMasker();
        for (LoghubSystem system : systems) {
            LoghubBenchmark.Result r = LoghubBenchmark.run(system);
            LoghubBenchmark.Result masked = LoghubBenchmark.run(system, masker);
            out.printf(
                    Locale.ROOT,
                    "%-12s %6d %6d %7d %9.4f %10s %8.4f%n",
                    r.system(),
                    r.lines(),
                    r.truthTemplates(),
                    r.parsedTemplates(),
                    r.accuracy(),
                    r.published() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.published()),
                    masked.accuracy());
            sum += r.accuracy();
            sumMasked += masked.accuracy();
            if (r.published() != null) {
                sumPublished += r.published();
                published++;
            }
        }
        double mean = sum / systems.size();
        out.printf(
                Locale.ROOT,
                "%-12s %6s %6s %7s %9.4f %10s %8.4f%n",
                "mean",
                "",
                "",
                "",
                mean,
                published == 0 ? "-" : String.format(Locale.ROOT, "%.4f", sumPublished / published),
                sumMasked / systems.size());
        return mean;
    }
}
