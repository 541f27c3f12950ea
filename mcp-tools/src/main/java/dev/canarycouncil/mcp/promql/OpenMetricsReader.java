package dev.canarycouncil.mcp.promql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.TreeMap;

/**
 * Reads OpenMetrics (or Prometheus text) exposition with a timestamp on every sample, in seconds,
 * as {@code promtool tsdb create-blocks-from openmetrics} expects. Comment lines ({@code # TYPE},
 * {@code # HELP}, {@code # UNIT}, {@code # EOF}) and exemplars are skipped.
 */
public final class OpenMetricsReader {

    /** What was read, and how many samples had to be dropped. */
    public record Result(SeriesStore store, long samples, long outOfOrderDropped) {}

    private OpenMetricsReader() {}

    /**
     * @param sourceName named in error messages (e.g. the file name)
     * @throws PromQlException for a line that is not a valid sample, with its line number
     */
    public static Result read(Reader input, String sourceName) throws IOException {
        SeriesStore.Builder builder = new SeriesStore.Builder();
        BufferedReader reader = input instanceof BufferedReader b ? b : new BufferedReader(input);
        long samples = 0;
        long dropped = 0;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                Sample sample = parseSample(line);
                samples++;
                if (!builder.add(sample.labels, sample.timestampMillis, sample.value)) {
                    dropped++;
                }
            } catch (PromQlException e) {
                throw new PromQlException(sourceName + ":" + lineNo + ": " + e.getMessage());
            }
        }
        return new Result(builder.build(), samples, dropped);
    }

    private record Sample(Labels labels, double value, long timestampMillis) {}

    static Sample parseSample(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && isNameChar(line.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            throw new PromQlException("expected a metric name at the start of the line");
        }
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put(Labels.NAME, line.substring(0, i));
        if (i < n && line.charAt(i) == '{') {
            i = parseLabels(line, i + 1, labels);
        }
        String[] rest = line.substring(i).trim().split("\\s+");
        if (rest.length < 2 || rest[0].isEmpty()) {
            throw new PromQlException("every sample needs a value and a timestamp (seconds)");
        }
        double value = parseValue(rest[0]);
        double seconds;
        try {
            seconds = Double.parseDouble(rest[1]);
        } catch (NumberFormatException e) {
            throw new PromQlException("invalid timestamp '" + rest[1] + "'");
        }
        if (seconds > 1e11) {
            throw new PromQlException(
                    "timestamp " + rest[1] + " looks like milliseconds; OpenMetrics timestamps are seconds");
        }
        return new Sample(new Labels(labels), value, Math.round(seconds * 1000));
    }

    private static int parseLabels(String line, int i, TreeMap<String, String> labels) {
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                i++;
            }
            if (i < n && line.charAt(i) == '}') {
                return i + 1;
            }
            int start = i;
            while (i < n && isNameChar(line.charAt(i), i == start) && line.charAt(i) != ':') {
                i++;
            }
            if (i == start || i >= n || line.charAt(i) != '=') {
                throw new PromQlException("malformed label set near column " + (i + 1));
            }
            String name = line.substring(start, i);
            i++;
            if (i >= n || line.charAt(i) != '"') {
                throw new PromQlException("label " + name + " needs a quoted value");
            }
            i++;
            StringBuilder value = new StringBuilder();
            while (i < n && line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < n) {
                    char e = line.charAt(++i);
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
                i++;
            }
            if (i >= n) {
                throw new PromQlException("unterminated value of label " + name);
            }
            labels.put(name, value.toString());
            i++;
        }
    }

    static double parseValue(String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new PromQlException("invalid sample value '" + s + "'");
                }
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || c == '_'
                || c == ':'
                || (!first && c >= '0' && c <= '9');
    }
}
