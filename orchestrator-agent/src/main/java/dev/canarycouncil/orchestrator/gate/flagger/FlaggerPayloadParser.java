package dev.canarycouncil.orchestrator.gate.flagger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.gate.MeasurementRequestException;
import dev.canarycouncil.runtime.json.Json;

/** Reads Flagger's webhook payload, checking each field as Kubernetes and Flagger shape it; a 400 names the field. */
final class FlaggerPayloadParser {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern CHECKSUM = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Set<String> PHASES = Set.of("Initializing", "Initialized", "Waiting", "Progressing",
            "WaitingPromotion", "Promoting", "Finalising", "Succeeded", "Failed", "Terminating", "Terminated");
    private static final int MAX_METADATA_VALUE = 4096;

    private FlaggerPayloadParser() {
    }

    static FlaggerPayload parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MeasurementRequestException("body", "the request body is empty; expected Flagger's webhook payload");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new MeasurementRequestException("body", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MeasurementRequestException("body", "the request body must be a JSON object");
        }
        String name = text(root, "name", DNS_SUBDOMAIN, "a Canary's name");
        String namespace = text(root, "namespace", DNS_LABEL, "a Kubernetes namespace");
        String phase = text(root, "phase", null, "a Flagger canary phase");
        if (!PHASES.contains(phase)) {
            throw new MeasurementRequestException("phase", "field 'phase' is not a Flagger canary phase " + PHASES + ": " + phase);
        }
        String checksum = text(root, "checksum", CHECKSUM, "Flagger's checksum of the canary's revision");
        return new FlaggerPayload(name, namespace, phase, checksum, metadata(root.get("metadata")));
    }

    private static String text(JsonNode root, String field, Pattern shape, String what) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new MeasurementRequestException(field, "missing field '" + field + "' (" + what + ")");
        }
        if (!value.isTextual()) {
            throw new MeasurementRequestException(field, "field '" + field + "' must be a string");
        }
        String v = value.asText();
        if (shape != null && !shape.matcher(v).matches()) {
            throw new MeasurementRequestException(field, "field '" + field + "' is not " + what + ": "
                    + (v.length() > 80 ? v.substring(0, 80) + "…" : v));
        }
        return v;
    }

    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new MeasurementRequestException("metadata", "field 'metadata' must be an object of strings");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new MeasurementRequestException("metadata", "metadata '" + e.getKey() + "' must be a string");
            }
            if (e.getValue().asText().length() > MAX_METADATA_VALUE) {
                throw new MeasurementRequestException("metadata", "metadata '" + e.getKey() + "' is longer than "
                        + MAX_METADATA_VALUE + " characters");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
