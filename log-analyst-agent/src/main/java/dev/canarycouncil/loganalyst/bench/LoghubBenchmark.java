package dev.canarycouncil.loganalyst.bench;

import dev.canarycouncil.loganalyst.drain.Drain;
import dev.canarycouncil.loganalyst.drain.LogCluster;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs Drain over each LogHub-2k system with that system's published settings and scores the
 * grouping against the ground truth, next to the figures the reference implementation reached.
 */
public final class LoghubBenchmark {

    /** Grouping accuracy of the reference Drain on LogHub-2k (Zhu et al., ICSE 2019). */
    public static final Map<String, Double> PUBLISHED = Map.ofEntries(
            Map.entry("HDFS", 0.9975),
            Map.entry("Hadoop", 0.9475),
            Map.entry("Spark", 0.92),
            Map.entry("Zookeeper", 0.9665),
            Map.entry("BGL", 0.9625),
            Map.entry("HPC", 0.887),
            Map.entry("Thunderbird", 0.955),
            Map.entry("Windows", 0.997),
            Map.entry("Linux", 0.69),
            Map.entry("Android", 0.911),
            Map.entry("HealthApp", 0.78),
            Map.entry("Apache", 1.0),
            Map.entry("Proxifier", 0.5265),
            Map.entry("OpenSSH", 0.7875),
            Map.entry("OpenStack", 0.7325),
            Map.entry("Mac", 0.7865));

    public static final double PUBLISHED_MEAN = 0.865;

    /** One system's score. */
    public record Result(
            String system,
            int lines,
            int truthTemplates,
            int parsedTemplates,
            double accuracy,
            Double published,
            long nanos) {}

    private LoghubBenchmark() {}

    public static Result run(LoghubSystem system) {
        return run(system, null);
    }

    /** @param masker applied after the system's own masks, or null for the reference behaviour */
    public static Result run(LoghubSystem system, TokenMasker masker) {
        List<Pattern> masks = new ArrayList<>();
        for (String m : system.masks()) {
            masks.add(Pattern.compile(m));
        }
        long start = System.nanoTime();
        Drain drain = Drain.reference(system.depth(), system.similarityThreshold());
        List<Object> parsed = new ArrayList<>(system.contents().size());
        for (String content : system.contents()) {
            String line = content;
            for (Pattern mask : masks) {
                line = mask.matcher(line).replaceAll(Drain.WILDCARD);
            }
            String[] tokens = Drain.tokenize(line.strip());
            LogCluster cluster = drain.add(masker == null ? tokens : masker.mask(tokens));
            parsed.add(cluster);
        }
        long nanos = System.nanoTime() - start;
        int truthTemplates = (int) system.eventIds().stream().distinct().count();
        return new Result(
                system.name(),
                system.contents().size(),
                truthTemplates,
                drain.clusters().size(),
                GroupingAccuracy.of(system.eventIds(), parsed),
                PUBLISHED.get(system.name()),
                nanos);
    }
}
