package dev.canarycouncil.runtime.http;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * The one way the council builds an outbound HTTP client and reads a reply. Every client speaks
 * HTTP/1.1 (no h2c upgrade, which some proxies and sidecars mishandle), uses the JVM's default
 * proxy selector (so {@code -Dhttps.proxyHost} and friends apply everywhere alike), and reads
 * bodies through a cap.
 */
public final class OutboundHttp {

    private OutboundHttp() {}

    public static HttpClient client(HttpLimits limits) {
        return clientBuilder(limits).build();
    }

    /** For a library that builds the client itself from a builder (the MCP SDK's transport). */
    public static HttpClient.Builder clientBuilder(HttpLimits limits) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout())
                .followRedirects(
                        limits.redirects() == HttpLimits.Redirects.FOLLOW
                                ? HttpClient.Redirect.NORMAL
                                : HttpClient.Redirect.NEVER);
    }

    /**
     * The body as bytes, failing with {@link ResponseTooLargeException} the moment it passes the cap
     * (a declared Content-Length over the cap fails before any byte is read).
     *
     * @param from names the peer in the error, e.g. "Reply from http://x/" or "Prometheus at http://p:9090"
     */
    public static HttpResponse.BodyHandler<byte[]> cappedBytes(HttpLimits limits, String from) {
        long max = limits.maxResponseBytes();
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody(max, declared, from);
        };
    }

    /** "8 MiB", "512 KiB", "300 bytes": a size as a person reads it. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** The error text of a reply over the cap. */
    static String tooLarge(String from, long max) {
        return from + " exceeds " + size(max) + "; not read further";
    }
}
