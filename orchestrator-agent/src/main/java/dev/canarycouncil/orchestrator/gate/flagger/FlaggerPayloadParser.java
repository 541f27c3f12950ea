package dev.canarycouncil.orchestrator.gate.flagger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.orchestrator.gate.KubernetesNames;
import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonBody;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.text.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads Flagger's webhook payload, checking each field as Kubernetes and Flagger shape it; a 400 names the field. */
final class FlaggerPayloadParser {

    private static final Pattern CHECKSUM = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Set<String> PHASES = Set.of(
            "Initializing",
            "Initialized",
            "Waiting",
            "Progressing",
            "WaitingPromotion",
            "Promoting",
            "Finalising",
            "Succeeded",
            "Failed",
            "Terminating",
            "Terminated");
    private static final int MAX_METADATA_VALUE = 4096;
    /** The metadata key a Flagger webhook carries the gate token in (it cannot send headers). */
    static final String TOKEN = "token";

    private FlaggerPayloadParser() {}

    static FlaggerPayload parse(String body) {
        JsonNode root = JsonBody.object(body, "Flagger's webhook payload");
        String name = text(root, "name", KubernetesNames.DNS_SUBDOMAIN, "a Canary's name");
        String namespace = text(root, "namespace", KubernetesNames.DNS_LABEL, "a Kubernetes namespace");
        String phase = text(root, "phase", null, "a Flagger canary phase");
        if (!PHASES.contains(phase)) {
            throw new BadRequestException(
                    "phase", "field 'phase' is not a Flagger canary phase " + PHASES + ": " + phase);
        }
        String checksum = text(root, "checksum", CHECKSUM, "Flagger's checksum of the canary's revision");
        Map<String, String> metadata = metadata(root.get("metadata"));
        String token = metadata.remove(TOKEN);
        return new FlaggerPayload(name, namespace, phase, checksum, metadata, token(token));
    }

    private static Optional<AgentSecret> token(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgentSecret.of(value));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("metadata", "metadata '" + TOKEN + "' is unusable: " + e.getMessage());
        }
    }

    private static String text(JsonNode root, String field, Pattern shape, String what) {
        JsonNode value = root.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            throw new BadRequestException(field, "missing field '" + field + "' (" + what + ")");
        }
        if (!value.isTextual()) {
            throw new BadRequestException(field, "field '" + field + "' must be a string");
        }
        String v = value.asText();
        if (shape != null && !shape.matcher(v).matches()) {
            throw new BadRequestException(
                    field, "field '" + field + "' is not " + what + ": " + Texts.abbreviate(v, 81));
        }
        return v;
    }

    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new BadRequestException("metadata", "field 'metadata' must be an object of strings");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new BadRequestException("metadata", "metadata '" + e.getKey() + "' must be a string");
            }
            if (e.getValue().asText().length() > MAX_METADATA_VALUE) {
                throw new BadRequestException(
                        "metadata",
                        "metadata '" + e.getKey() + "' is longer than " + MAX_METADATA_VALUE + " characters");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
