package dev.canarycouncil.runtime.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of every outbound HTTP call the council makes: to agents, models, Prometheus and
 * GitHub. One record so that each caller states all four, and none forgets one.
 *
 * @param connectTimeout    an unreachable peer fails after this
 * @param requestTimeout    a peer that accepts the connection but does not answer fails after this
 * @param maxResponseBytes  the largest reply body read; a larger one fails with {@link ResponseTooLargeException}
 * @param redirects         whether the client follows redirects itself
 */
public record HttpLimits(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes, Redirects redirects) {

    /** Large enough for a one-hour range query over a few hundred series, small enough for any heap here. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    /** Who follows a redirect. */
    public enum Redirects {
        /** The client follows same-scheme and https redirects (the JDK's NORMAL policy). */
        FOLLOW,
        /** The caller sees the 3xx: a library that follows them itself, or a peer that never should redirect. */
        NEVER
    }

    public HttpLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(redirects, "redirects");
        if (connectTimeout.toMillis() <= 0 || requestTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException(
                    "HTTP timeouts must be at least 1 ms, were " + connectTimeout + " and " + requestTimeout);
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("the largest response must be at least 1 byte, was " + maxResponseBytes);
        }
    }

    /** The given timeouts, the default size cap, no redirects followed. */
    public static HttpLimits of(Duration connectTimeout, Duration requestTimeout) {
        return new HttpLimits(connectTimeout, requestTimeout, DEFAULT_MAX_RESPONSE_BYTES, Redirects.NEVER);
    }

    public HttpLimits withMaxResponseBytes(long bytes) {
        return new HttpLimits(connectTimeout, requestTimeout, bytes, redirects);
    }

    public HttpLimits following(Redirects policy) {
        return new HttpLimits(connectTimeout, requestTimeout, maxResponseBytes, policy);
    }
}
