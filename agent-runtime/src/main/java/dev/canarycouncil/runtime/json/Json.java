package dev.canarycouncil.runtime.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configurations, all here: the lenient one our schema travels in between agents, the
 * strict one configuration files are read with, and the one that reads reports holding NaN.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Agents built by others may add fields we do not know yet; they must not break us.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** Configuration files: a misspelt key is an error that names it, not a setting silently ignored. */
    private static final ObjectMapper CONFIG_YAML = strictScalars(YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build());

    /** Reports may hold NaN where a figure could not be computed (an eval over no cases of a kind). */
    private static final ObjectMapper REPORTS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {}

    /**
     * A quoted {@code "true"} or {@code "2"} in a configuration file is a string someone meant as
     * something else; saying so beats guessing (YAML 1.1 tools disagree on what {@code "no"} is).
     */
    private static ObjectMapper strictScalars(ObjectMapper mapper) {
        for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Reads configuration files, YAML or JSON, strictly. Shared and thread-safe; do not reconfigure it. */
    public static ObjectMapper configYaml() {
        return CONFIG_YAML;
    }

    /** Reads reports written by {@code eval} and others, NaN included. Shared and thread-safe. */
    public static ObjectMapper reports() {
        return REPORTS;
    }

    /** Shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
