package dev.canarycouncil.orchestrator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;

/** A request body that must be one JSON object; anything else is a {@link BadRequestException} on {@code body}. */
public final class JsonBody {

    private JsonBody() {}

    /** @param expected what the caller should have sent, for the message, e.g. "Flagger's webhook payload" */
    public static JsonNode object(String body, String expected) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("body", "the request body is empty; expected " + expected);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("body", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("body", "the request body must be a JSON object");
        }
        return root;
    }
}
