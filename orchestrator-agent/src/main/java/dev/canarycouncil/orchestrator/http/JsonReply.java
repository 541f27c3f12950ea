package dev.canarycouncil.orchestrator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canarycouncil.runtime.json.Json;
import io.vertx.ext.web.RoutingContext;

/** The JSON answer of the controllers' endpoints (the plugin's and the release-gate API). */
public final class JsonReply {

    private JsonReply() {}

    public static void send(RoutingContext rc, int status, Object body) {
        try {
            rc.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(500).end();
        }
    }
}
