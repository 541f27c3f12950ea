package dev.canarycouncil.runtime.a2a.auth;

import io.a2a.spec.APIKeySecurityScheme;
import io.a2a.spec.AgentCard;
import io.a2a.spec.HTTPAuthSecurityScheme;
import io.a2a.spec.SecurityScheme;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential an agent's server demands on its A2A endpoint, declared in its card as an A2A
 * security scheme so that clients (ours and other SDKs') know what to send. The card itself stays
 * public: a peer must be able to read how to authenticate before it can.
 *
 * @param scheme  bearer token in {@code Authorization}, or an API key in a named header
 * @param header  the header carrying an API key; {@code Authorization} for bearer
 * @param secret  what must be presented
 */
public record ServerAuth(Scheme scheme, String header, AgentSecret secret) {

    /** The schemes our servers enforce (and our client honours). */
    public enum Scheme {
        BEARER,
        API_KEY
    }

    /** The name of the scheme in the served card's {@code securitySchemes}. */
    public static final String SCHEME_NAME = "council";

    public ServerAuth {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(secret, "secret");
        header = scheme == Scheme.BEARER ? "Authorization" : Objects.requireNonNull(header, "header");
    }

    public static ServerAuth bearer(AgentSecret secret) {
        return new ServerAuth(Scheme.BEARER, "Authorization", secret);
    }

    public static ServerAuth apiKey(String header, AgentSecret secret) {
        return new ServerAuth(Scheme.API_KEY, header, secret);
    }

    /** The card with this requirement declared. */
    public AgentCard declareIn(AgentCard card) {
        SecurityScheme declared = scheme == Scheme.BEARER
                ? new HTTPAuthSecurityScheme(null, "bearer", "A bearer token shared by the council's agents")
                : new APIKeySecurityScheme(
                        APIKeySecurityScheme.Location.HEADER.asString(),
                        header,
                        "An API key in the " + header + " header");
        return new AgentCard.Builder(card)
                .securitySchemes(Map.of(SCHEME_NAME, declared))
                .security(List.of(Map.of(SCHEME_NAME, List.of())))
                .build();
    }

    /** Refuses a request without the credential with 401, naming the scheme but never the secret. */
    public Handler<RoutingContext> guard() {
        return rc -> {
            if (accepts(rc.request().getHeader(header))) {
                rc.next();
                return;
            }
            String challenge =
                    scheme == Scheme.BEARER ? "Bearer realm=\"canary-council\"" : "ApiKey header=\"" + header + "\"";
            rc.response()
                    .setStatusCode(401)
                    .putHeader("WWW-Authenticate", challenge)
                    .putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"this agent requires " + describe()
                            + "; see securitySchemes in its agent card\"}");
        };
    }

    boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        if (scheme == Scheme.API_KEY) {
            return secret.matches(presented.strip());
        }
        return bearerToken(presented).map(secret::matches).orElse(false);
    }

    /** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case), or empty. */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() < 7
                || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        return Optional.of(value.substring(7).strip());
    }

    /** What a person must configure, e.g. "a bearer token". */
    public String describe() {
        return scheme == Scheme.BEARER ? "a bearer token" : "an API key in the " + header + " header";
    }
}
