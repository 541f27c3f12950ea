package dev.canarycouncil.runtime.a2a.auth;

import io.a2a.client.transport.spi.interceptors.ClientCallInterceptor;
import io.a2a.client.transport.spi.interceptors.auth.AuthInterceptor;
import io.a2a.spec.APIKeySecurityScheme;
import io.a2a.spec.AgentCard;
import io.a2a.spec.HTTPAuthSecurityScheme;
import io.a2a.spec.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an agent's card says a caller must present, and whether our client can: a bearer token or
 * an API key in a header. The SDK's {@link AuthInterceptor} puts the credential where the card
 * says; this class decides beforehand whether calling the agent can work at all, so a card asking
 * for OAuth or mutual TLS is refused with a reason instead of failing on every call.
 */
public final class CardSecurity {

    private CardSecurity() {}

    /** True when the card lists at least one security requirement. */
    public static boolean required(AgentCard card) {
        return card.security() != null && card.security().stream().anyMatch(r -> r != null && !r.isEmpty());
    }

    /**
     * Why our client cannot satisfy the card's requirements; null when it can (or none are asked).
     * Each requirement is an alternative; one made only of supported schemes is enough.
     */
    public static String unsupportedReason(AgentCard card) {
        if (!required(card)) {
            return null;
        }
        Map<String, SecurityScheme> schemes = card.securitySchemes() == null ? Map.of() : card.securitySchemes();
        String lastProblem = null;
        for (Map<String, List<String>> requirement : card.security()) {
            String problem = null;
            for (String name : requirement.keySet()) {
                SecurityScheme scheme = schemes.get(name);
                if (scheme == null) {
                    problem = "its security requirement names the undeclared scheme '" + name + "'";
                } else if (!supported(scheme)) {
                    problem = "it asks for " + describe(scheme) + ", which the council's client does not support "
                            + "(bearer token or API key in a header)";
                }
            }
            if (problem == null) {
                return null;
            }
            lastProblem = problem;
        }
        return lastProblem;
    }

    /** An interceptor presenting {@code secret} under every scheme the card declares. */
    public static ClientCallInterceptor interceptor(AgentSecret secret) {
        return new AuthInterceptor((schemeName, context) -> secret.reveal());
    }

    private static boolean supported(SecurityScheme scheme) {
        if (scheme instanceof HTTPAuthSecurityScheme http) {
            return http.getScheme() != null
                    && http.getScheme().toLowerCase(Locale.ROOT).equals("bearer");
        }
        if (scheme instanceof APIKeySecurityScheme key) {
            return APIKeySecurityScheme.Location.HEADER.asString().equals(key.getIn())
                    && key.getName() != null
                    && !key.getName().isBlank();
        }
        return false;
    }

    private static String describe(SecurityScheme scheme) {
        if (scheme instanceof HTTPAuthSecurityScheme http) {
            return "HTTP " + http.getScheme() + " authentication";
        }
        if (scheme instanceof APIKeySecurityScheme key) {
            return "an API key in the " + key.getIn();
        }
        return scheme.getClass().getSimpleName().replace("SecurityScheme", "") + " authentication";
    }
}
