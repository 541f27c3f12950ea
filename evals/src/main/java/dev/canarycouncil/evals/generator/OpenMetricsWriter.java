package dev.canarycouncil.evals.generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects samples and writes them as OpenMetrics the way {@code promtool tsdb create-blocks-from
 * openmetrics} accepts: each family contiguous, each series in ascending time, timestamps in
 * seconds, {@code # EOF} at the end.
 */
final class OpenMetricsWriter {

    private record Family(String name, String type, String help, Map<String, List<String>> series) {}

    private final Map<String, Family> families = new LinkedHashMap<>();

    void family(String name, String type, String help) {
        families.putIfAbsent(name, new Family(name, type, help, new TreeMap<>()));
    }

    void sample(String family, String sampleName, Map<String, String> labels, long timestampMillis, double value) {
        Family f = families.get(family);
        if (f == null) {
            throw new IllegalStateException("family " + family + " was not declared");
        }
        String key = sampleName + labelText(labels);
        f.series()
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(key + " " + format(value) + " " + formatSeconds(timestampMillis));
    }

    void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            for (Family f : families.values()) {
                if (f.series().isEmpty()) {
                    continue;
                }
                w.write("# TYPE " + f.name() + " " + f.type() + "\n");
                w.write("# HELP " + f.name() + " " + f.help() + "\n");
                for (List<String> lines : f.series().values()) {
                    for (String line : lines) {
                        w.write(line);
                        w.write('\n');
                    }
                }
            }
            w.write("# EOF\n");
        }
    }

    private static String labelText(Map<String, String> labels) {
        StringBuilder s = new StringBuilder("{");
        new TreeMap<>(labels).forEach((k, v) -> {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(k)
                    .append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        });
        return s.append('}').toString();
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static String formatSeconds(long millis) {
        return millis % 1000 == 0
                ? Long.toString(millis / 1000)
                : String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
