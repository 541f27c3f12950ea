package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.http.HttpLimits;
import dev.canarycouncil.runtime.http.OutboundHttp;
import dev.canarycouncil.runtime.http.ResponseTooLargeException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP client under the langchain4j model clients. It exists because theirs drops response
 * headers on errors, so a 429's {@code Retry-After} could not be honoured: this one retries
 * 429/5xx/timeouts itself, waiting as the server asked, and the model clients are built with
 * their own retries off.
 */
final class ModelHttpClient implements HttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHttpClient.class);

    /** A model's answer is a few KiB of JSON; anything near this is not an answer. */
    static final long MAX_REPLY_BYTES = 16L * 1024 * 1024;

    private final HttpLimits limits;
    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final RetryPolicy retry;

    ModelHttpClient(Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {
        this.limits = HttpLimits.of(connectTimeout, readTimeout).withMaxResponseBytes(MAX_REPLY_BYTES);
        this.http = OutboundHttp.client(limits);
        this.readTimeout = readTimeout;
        this.retry = retry;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest jdkRequest = toJdk(request);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retry.maxAttempts();
            HttpResponse<byte[]> response;
            try {
                response = http.send(
                        jdkRequest,
                        OutboundHttp.cappedBytes(limits, "the model's reply from " + hostOf(request.url())));
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new TimeoutException("model did not answer within " + readTimeout.toMillis() + " ms ("
                            + attempt + " attempt" + (attempt == 1 ? "" : "s") + ")");
                }
                pause(attempt, retry.backoff(attempt), "timed out");
                continue;
            } catch (ConnectException e) {
                if (last) {
                    throw new ModelUnreachableException("cannot connect to the model at " + hostOf(request.url()), e);
                }
                pause(attempt, retry.backoff(attempt), "connection refused");
                continue;
            } catch (IOException e) {
                if (last || e.getCause() instanceof ResponseTooLargeException) {
                    throw new ModelUnreachableException("model call to " + hostOf(request.url()) + " failed: " + e, e);
                }
                pause(attempt, retry.backoff(attempt), e.getClass().getSimpleName());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelUnreachableException("model call interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SuccessfulHttpResponse.builder()
                        .statusCode(status)
                        .headers(response.headers().map())
                        .body(response.body())
                        .build();
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (last || !retry.retryableStatus(status)) {
                throw new HttpException(status, body);
            }
            Optional<Duration> asked = RetryDelays.requested(response.headers().map(), body, Instant.now());
            if (asked.isPresent() && asked.get().compareTo(retry.maxWait()) > 0) {
                throw new HttpException(
                        status,
                        "the model server asked to retry after " + asked.get().toSeconds() + " s, longer than the "
                                + retry.maxWait().toSeconds() + " s this analysis waits: " + body);
            }
            pause(attempt, asked.orElse(retry.backoff(attempt)), "HTTP " + status);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // The council asks for whole answers only; streaming would bypass the retry and budget logic.
        throw new UnsupportedOperationException("streaming model calls are not used by Canary Council");
    }

    private void pause(int attempt, Duration wait, String why) {
        LOG.warn(
                "model call {} (attempt {}/{}); retrying in {} ms", why, attempt, retry.maxAttempts(), wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnreachableException("model call interrupted while waiting to retry", e);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("multipart model requests are not supported");
        }
        java.net.http.HttpRequest.Builder b =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(
                request.method().name(),
                request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        return b.build();
    }

    /** Scheme, host and port only: the path may carry a key (Gemini accepts {@code ?key=}). */
    private static String hostOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
