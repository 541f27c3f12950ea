package dev.canarycouncil.orchestrator.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonBody;
import dev.canarycouncil.runtime.schema.SourceRepository;
import dev.canarycouncil.runtime.schema.TargetKind;
import dev.canarycouncil.runtime.text.Texts;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a measurement from a JSON body (Argo's web provider with {@code jsonBody}) or from query
 * parameters (a GET whose URL carries {@code {{args.*}}}). Names are checked as Kubernetes checks
 * them, so a template's typo is a 400 naming the field, not an analysis of nothing.
 */
public final class MeasurementParser {

    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern STEP = Pattern.compile("[A-Za-z0-9_.-]{1,63}");

    private MeasurementParser() {}

    public static Measurement fromJson(String body) {
        JsonNode root = JsonBody.object(body, "a JSON object with namespace and rollout");
        return read(name -> {
            JsonNode value = root.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() && !value.isNumber()) {
                throw new BadRequestException(name, "field '" + name + "' must be a string");
            }
            return value.asText();
        });
    }

    public static Measurement fromQuery(Map<String, String> params) {
        return read(params::get);
    }

    private static Measurement read(Function<String, String> field) {
        String namespace = required(field, "namespace", KubernetesNames.DNS_LABEL, "a Kubernetes namespace");
        String rollout = required(field, "rollout", KubernetesNames.DNS_SUBDOMAIN, "an Argo Rollout's name");
        String canary = optional(field, "canaryHash", HASH, "a pod-template hash");
        String stable = optional(field, "stableHash", HASH, "a pod-template hash");
        String step = optional(field, "step", STEP, "a step index or name");
        if (!stable.isBlank() && stable.equals(canary)) {
            throw new BadRequestException(
                    "stableHash",
                    "stableHash equals canaryHash (" + canary
                            + "): the rollout is not in a canary step, or the template passes Latest for both");
        }
        return new Measurement(
                namespace, TargetKind.ARGO_ROLLOUT, rollout, canary, stable, step, "", SourceRepository.NONE);
    }

    private static String required(Function<String, String> field, String name, Pattern shape, String what) {
        String value = optional(field, name, shape, what);
        if (value.isBlank()) {
            throw new BadRequestException(name, "missing field '" + name + "' (" + what + ")");
        }
        return value;
    }

    private static String optional(Function<String, String> field, String name, Pattern shape, String what) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = value.strip();
        if (v.contains("{{")) {
            throw new BadRequestException(
                    name,
                    "field '" + name + "' is an unexpanded template (" + v
                            + "): the AnalysisTemplate names an argument the Rollout does not pass");
        }
        if (!shape.matcher(v).matches()) {
            throw new BadRequestException(name, "field '" + name + "' is not " + what + ": " + Texts.abbreviate(v, 81));
        }
        return v;
    }
}
