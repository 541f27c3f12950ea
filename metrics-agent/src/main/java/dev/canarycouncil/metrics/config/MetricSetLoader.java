package dev.canarycouncil.metrics.config;

import dev.canarycouncil.metrics.query.QueryTemplate;
import dev.canarycouncil.metrics.query.SideContext;
import dev.canarycouncil.runtime.config.ConfigDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a metric set from YAML or JSON and checks it whole before any analysis uses it: a typo
 * in a field name, an unknown placeholder or an impossible threshold is an error naming the
 * metric, never a metric silently skipped.
 */
public final class MetricSetLoader {

    private static final ConfigDocuments<MetricSetException> DOCUMENTS =
            new ConfigDocuments<>("metric set", MetricSetException::new);

    private MetricSetLoader() {}

    public static MetricSet load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MetricSetException("metric set " + file + " is not a readable file");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new MetricSetException("cannot read metric set " + file + ": " + e.getMessage());
        }
    }

    public static MetricSet parse(String text, String source) {
        return validate(DOCUMENTS.parse(text, source, MetricSet.class, "with a 'metrics' list"), source);
    }

    static MetricSet validate(MetricSet set, String source) {
        if (set == null || set.metrics().isEmpty()) {
            throw new MetricSetException(source + ": no metrics: give at least one under 'metrics'");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < set.metrics().size(); i++) {
            MetricSpec m = set.metrics().get(i);
            String where = source + ": metrics[" + i + "]" + (m.name() == null ? "" : " (" + m.name() + ")");
            if (m.name() == null || m.name().isBlank()) {
                throw new MetricSetException(where + ": 'name' is required");
            }
            if (!names.add(m.name())) {
                throw new MetricSetException(where + ": the name '" + m.name() + "' is used twice");
            }
            int forms = (m.query() != null ? 1 : 0)
                    + (m.canary() != null || m.stable() != null ? 1 : 0)
                    + (m.numerator() != null || m.denominator() != null ? 1 : 0)
                    + (m.events() != null ? 1 : 0);
            if (forms != 1) {
                throw new MetricSetException(where + ": give exactly one of 'query', the pair 'canary' and 'stable', "
                        + "the pair 'numerator' and 'denominator', or 'events'");
            }
            if ((m.canary() == null) != (m.stable() == null)) {
                throw new MetricSetException(where + ": 'canary' and 'stable' go together");
            }
            if ((m.numerator() == null) != (m.denominator() == null)) {
                throw new MetricSetException(where + ": 'numerator' and 'denominator' go together");
            }
            for (String template :
                    new String[] {m.query(), m.canary(), m.stable(), m.numerator(), m.denominator(), m.events()}) {
                if (template != null) {
                    try {
                        QueryTemplate.render(template, SideContext.example());
                    } catch (IllegalArgumentException e) {
                        throw new MetricSetException(where + ": " + e.getMessage());
                    }
                }
            }
            if (m.allowedIncrease() != null && m.allowedIncrease() < 1) {
                throw new MetricSetException(
                        where + ": 'allowedIncrease' is a factor of at least 1 (1.2 allows 20 %), was "
                                + m.allowedIncrease());
            }
            if (m.minDelta() != null && m.minDelta() < 0) {
                throw new MetricSetException(where + ": 'minDelta' cannot be negative");
            }
            if (m.minSamples() != null && m.minSamples() < 3) {
                throw new MetricSetException(where + ": 'minSamples' must be at least 3");
            }
        }
        for (Map.Entry<String, Double> g : set.groups().entrySet()) {
            if (g.getValue() == null || g.getValue() < 0) {
                throw new MetricSetException(source + ": group '" + g.getKey() + "' needs a weight of 0 or more");
            }
        }
        double pass = set.passOrDefault();
        double marginal = set.marginalOrDefault();
        if (pass < 0 || pass > 100 || marginal < 0 || marginal > pass) {
            throw new MetricSetException(
                    source + ": need 0 <= marginal <= pass <= 100, got marginal " + marginal + ", pass " + pass);
        }
        double alpha = set.alphaOrDefault();
        if (alpha <= 0 || alpha > 0.5) {
            throw new MetricSetException(source + ": 'alpha' must be in (0, 0.5], was " + alpha);
        }
        if (set.traffic() != null) {
            try {
                QueryTemplate.render(set.traffic(), SideContext.example());
            } catch (IllegalArgumentException e) {
                throw new MetricSetException(source + ": traffic: " + e.getMessage());
            }
        }
        return set;
    }
}
