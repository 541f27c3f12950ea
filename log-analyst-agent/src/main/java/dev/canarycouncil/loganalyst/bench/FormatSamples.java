package dev.canarycouncil.loganalyst.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled log samples bundled with the log analyst, one per format
 * ({@code formats/samples/<name>.log} and its labels {@code <name>.json}, listed in {@code formats.txt}).
 */
public final class FormatSamples {

    private static final String DIR = "/dev/canarycouncil/loganalyst/formats/";

    private FormatSamples() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Labels(String format, String title, List<String> sources, List<FormatSample.Expected> records) {}

    /** Every bundled sample, in the order {@code formats.txt} lists them. */
    public static List<FormatSample> all() {
        List<FormatSample> samples = new ArrayList<>();
        for (String name : text(DIR + "formats.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            samples.add(load(name));
        }
        return samples;
    }

    public static FormatSample load(String name) {
        String log = text(DIR + "samples/" + name + ".log");
        Labels labels;
        try {
            labels = Json.mapper().readValue(text(DIR + "samples/" + name + ".json"), new TypeReference<Labels>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("the labels of log sample " + name + " are unreadable", e);
        }
        return new FormatSample(
                name, labels.title(), labels.sources() == null ? List.of() : labels.sources(), log, labels.records());
    }

    private static String text(String resource) {
        try (InputStream in = FormatSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
