package dev.canarycouncil.metrics.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canarycouncil.metrics.query.QueryTemplate;
import dev.canarycouncil.metrics.query.SideContext;
import dev.canarycouncil.runtime.json.Json;

/**
 * Reads a metric set from YAML or JSON and checks it whole before any analysis uses it: a typo
 * in a field name, an unknown placeholder or an impossible threshold is an error naming the
 * metric, never a metric silently skipped.
 */
public final class MetricSetLoader {

    private static final ObjectMapper YAML = Json.configYaml();

    private MetricSetLoader() {
    }

    public static MetricSet load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MetricSetException("metric set " + file + " is not a readable file");
        }
        try {
            return validate(YAML.readValue(file.toFile(), MetricSet.class), file.toString());
        } catch (JsonMappingException e) {
            throw new MetricSetException(located(file.toString(), e));
        } catch (IOException e) {
            throw new MetricSetException(file + " is not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
    }

    public static MetricSet parse(String text, String source) {
        try {
            return validate(YAML.readValue(text, MetricSet.class), source);
        } catch (JsonMappingException e) {
            throw new MetricSetException(located(source, e));
        } catch (IOException e) {
            throw new MetricSetException(source + " is not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
    }

    /** The YAML parser's multi-line message (with a caret under the spot) as one line. */
    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("^")).distinct()
                .collect(Collectors.joining(" "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String located(String source, JsonMappingException e) {
        String text = describe(e);
        return text.startsWith("is not valid") ? source + " " + text : source + ": " + text;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' at " + path;
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("while ")) {
            return "is not valid YAML or JSON: " + oneLine(e.getOriginalMessage()); // a syntax error, from the YAML parser
        }
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
        return (cause != null ? cause.getMessage() : oneLine(e.getOriginalMessage())) + (path.isEmpty() ? "" : " (at " + path + ")");
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
            int forms = (m.query() != null ? 1 : 0) + (m.canary() != null || m.stable() != null ? 1 : 0)
                    + (m.numerator() != null || m.denominator() != null ? 1 : 0) + (m.events() != null ? 1 : 0);
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
            for (String template : new String[]{m.query(), m.canary(), m.stable(), m.numerator(), m.denominator(), m.events()}) {
                if (template != null) {
                    try {
                        QueryTemplate.render(template, SideContext.example());
                    } catch (IllegalArgumentException e) {
                        throw new MetricSetException(where + ": " + e.getMessage());
                    }
                }
            }
            if (m.allowedIncrease() != null && m.allowedIncrease() < 1) {
                throw new MetricSetException(where + ": 'allowedIncrease' is a factor of at least 1 (1.2 allows 20 %), was "
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
            throw new MetricSetException(source + ": need 0 <= marginal <= pass <= 100, got marginal " + marginal + ", pass " + pass);
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
