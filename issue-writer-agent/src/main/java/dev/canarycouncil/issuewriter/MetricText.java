package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.schema.PromQlEvidence;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric comparison as people read it. The metrics agent formats values with their units in
 * its descriptions ("5xx-ratio HIGH: canary 24.57% vs stable 0.34% (x72.36)"); those are reused,
 * as the raw values carry no unit.
 */
final class MetricText {

    /** Canary and stable values with units, and the comparison's outcome ("HIGH (x72.36)"). */
    record Values(String canary, String stable, String outcome) {}

    private static final Pattern DESCRIPTION =
            Pattern.compile("^\\S+ ([A-Z]+): canary (.+?) vs stable (.+?)(?: \\((x[\\d.,]+)\\))?$");

    private MetricText() {}

    static Optional<Values> values(PromQlEvidence p) {
        Matcher m = DESCRIPTION.matcher(
                p.description() == null ? "" : p.description().strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(
                new Values(m.group(2), m.group(3), m.group(1) + (m.group(4) == null ? "" : " (" + m.group(4) + ")")));
    }

    /** "5xx ratio 24.6 % vs 0.3 %": the metric's name with canary and stable values. */
    static String versus(PromQlEvidence metric) {
        String name = metric.metric() == null
                ? "metric"
                : metric.metric().replace('-', ' ').replace('_', ' ');
        if (isRatio(metric)) {
            return name + " " + percent(metric.canaryValue()) + " vs " + percent(metric.stableValue());
        }
        return values(metric)
                .map(v -> name + " " + v.canary() + " vs " + v.stable())
                .orElseGet(() -> Markdown.oneLine(metric.description() == null ? name : metric.description()));
    }

    private static boolean isRatio(PromQlEvidence p) {
        String name = p.metric() == null ? "" : p.metric().toLowerCase(Locale.ROOT);
        return (name.contains("ratio") || name.contains("error-rate") || name.contains("success-rate"))
                && p.canaryValue() != null
                && p.stableValue() != null
                && p.canaryValue() >= 0
                && p.canaryValue() <= 1
                && p.stableValue() >= 0
                && p.stableValue() <= 1;
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
