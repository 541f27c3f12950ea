package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.orchestrator.http.JsonReply;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Who may call the controller endpoints when authentication is on: whoever presents the council's
 * token or the gate token (which opens these endpoints only, so a controller's copy of it cannot
 * reach the agents or the MCP server). Open when neither is configured. Every comparison is
 * constant-time ({@link AgentSecret#matches}).
 */
public final class GateAccess {

    private final List<AgentSecret> accepted;

    /** @param accepted the tokens that open the endpoints; empty for no authentication */
    public GateAccess(List<AgentSecret> accepted) {
        this.accepted = List.copyOf(accepted);
    }

    public static GateAccess open() {
        return new GateAccess(List.of());
    }

    public boolean required() {
        return !accepted.isEmpty();
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    public boolean admitsHeader(String authorization) {
        if (!required()) {
            return true;
        }
        return ServerAuth.bearerToken(authorization).map(this::admitsToken).orElse(false);
    }

    /** A token sent some other way than the header (Flagger's webhook {@code metadata}). */
    public boolean admitsToken(String token) {
        if (!required()) {
            return true;
        }
        boolean admitted = false;
        for (AgentSecret secret : accepted) {
            admitted |= secret.matches(token); // every secret compared, so timing does not tell which one matched
        }
        return admitted;
    }

    /** Refuses a request without a token in its header with 401 before its body is read. */
    public Handler<RoutingContext> headerGuard() {
        return rc -> {
            if (admitsHeader(rc.request().getHeader("Authorization"))) {
                rc.next();
            } else {
                refuse(rc, "a bearer token in the Authorization header");
            }
        };
    }

    /** The 401 answer, naming what to send but never a token. */
    public static void refuse(RoutingContext rc, String what) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"canary-council\"");
        JsonReply.send(
                rc,
                401,
                Map.of(
                        "error",
                        "this endpoint requires " + what
                                + " (the council's token or its gate token; docs/security.md)"));
    }
}
