package dev.canarycouncil.mcp.server;

import java.net.URI;
import java.util.Set;

/**
 * Which browser origins may call the MCP endpoint. Requests without an Origin header (every
 * non-browser client) pass; browser requests pass only from loopback or a listed origin, which
 * stops a web page from driving the tools through DNS rebinding.
 */
public record OriginPolicy(Set<String> allowedOrigins) {

    public static OriginPolicy loopbackOnly() {
        return new OriginPolicy(Set.of());
    }

    public boolean allows(String origin) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            String host = URI.create(origin).getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
