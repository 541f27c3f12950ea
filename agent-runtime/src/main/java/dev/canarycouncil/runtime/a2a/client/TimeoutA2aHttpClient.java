package dev.canarycouncil.runtime.a2a.client;

import dev.canarycouncil.runtime.http.HttpLimits;
import dev.canarycouncil.runtime.http.OutboundHttp;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.http.A2AHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The A2A SDK's HTTP seam, implemented on the JDK client with the limits a release gate needs:
 * a connect timeout (an unreachable agent fails fast), a per-request timeout for plain calls,
 * HTTP/1.1 (no h2c upgrade dance), a cap on the size of a reply and of one streamed event (a
 * peer answering gigabytes cannot exhaust the caller's memory), and Server-Sent Events parsed per
 * the spec, including events split over several {@code data:} lines.
 */
public final class TimeoutA2aHttpClient implements A2AHttpClient {

    /** Far above any finding or verdict we send (tens of KiB), far below what would hurt the heap. */
    public static final int DEFAULT_MAX_REPLY_BYTES = 8 * 1024 * 1024;

    private final HttpLimits limits;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxReplyBytes;

    public TimeoutA2aHttpClient(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, DEFAULT_MAX_REPLY_BYTES);
    }

    /** @param maxReplyBytes largest reply body, and largest single streamed event, accepted */
    public TimeoutA2aHttpClient(Duration connectTimeout, Duration requestTimeout, int maxReplyBytes) {
        this.limits = new HttpLimits(connectTimeout, requestTimeout, maxReplyBytes, HttpLimits.Redirects.FOLLOW);
        this.http = OutboundHttp.client(limits);
        this.requestTimeout = requestTimeout;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public GetBuilder createGet() {
        return new Get();
    }

    @Override
    public PostBuilder createPost() {
        return new Post();
    }

    @Override
    public DeleteBuilder createDelete() {
        return new Delete();
    }

    private abstract class Base<T extends Builder<T>> implements Builder<T> {
        String url;
        final Map<String, String> headers = new LinkedHashMap<>();

        @Override
        public T url(String url) {
            this.url = url;
            return self();
        }

        @Override
        public T addHeaders(Map<String, String> more) {
            if (more != null) {
                headers.putAll(more);
            }
            return self();
        }

        @Override
        public T addHeader(String name, String value) {
            headers.put(name, value);
            return self();
        }

        @SuppressWarnings("unchecked")
        T self() {
            return (T) this;
        }

        HttpRequest.Builder request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
            headers.forEach(builder::header);
            return builder;
        }

        A2AHttpResponse send(HttpRequest.Builder builder) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(
                    builder.timeout(requestTimeout).build(), OutboundHttp.cappedBytes(limits, "Reply from " + url));
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }

        CompletableFuture<Void> sse(
                HttpRequest.Builder builder,
                Consumer<String> onEvent,
                Consumer<Throwable> onError,
                Runnable onComplete) {
            HttpRequest request = builder.header("Accept", "text/event-stream").build();
            CompletableFuture<Void> handle = new CompletableFuture<>();
            // Either cap (one line, one event) drops the stream once, reporting why.
            Consumer<IOException> drop = tooLarge -> {
                if (handle.completeExceptionally(tooLarge)) {
                    onError.accept(tooLarge);
                }
            };
            SseLineSubscriber lines = new SseLineSubscriber(onEvent, maxReplyBytes, drop, url);
            CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, info -> {
                if (info.statusCode() / 100 == 2) {
                    return HttpResponse.BodySubscribers.fromSubscriber(
                            new SseLines(lines, maxReplyBytes, drop, url), s -> (String) null);
                }
                return errorBody();
            });
            // Cancelling the handle (the SDK does so after the final event), or dropping an
            // oversized stream, aborts the exchange.
            handle.whenComplete((v, t) -> {
                if (t != null && !exchange.isDone()) {
                    exchange.cancel(true);
                }
            });
            exchange.whenComplete((response, failure) -> {
                if (handle.isDone()) {
                    return;
                }
                if (failure != null) {
                    onError.accept(failure);
                    handle.completeExceptionally(failure);
                } else if (response.statusCode() / 100 != 2) {
                    IOException error = new IOException(
                            "HTTP " + response.statusCode() + " from " + url + ": " + describeBody(response.body()));
                    onError.accept(error);
                    handle.completeExceptionally(error);
                } else {
                    lines.flush();
                    onComplete.run();
                    handle.complete(null);
                }
            });
            return handle;
        }
    }

    private final class Get extends Base<GetBuilder> implements GetBuilder {
        @Override
        public A2AHttpResponse get() throws IOException, InterruptedException {
            return send(request().GET());
        }

        @Override
        public CompletableFuture<Void> getAsyncSSE(
                Consumer<String> onEvent, Consumer<Throwable> onError, Runnable onComplete) {
            return sse(request().GET(), onEvent, onError, onComplete);
        }
    }

    private final class Post extends Base<PostBuilder> implements PostBuilder {
        private String body = "";

        @Override
        public PostBuilder body(String body) {
            this.body = body;
            return this;
        }

        private HttpRequest.Builder postRequest() {
            return request()
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }

        @Override
        public A2AHttpResponse post() throws IOException, InterruptedException {
            A2AHttpResponse response = send(postRequest());
            if (response.status() == 401 || response.status() == 403) {
                throw new IOException("Agent at " + url + " refused the credentials (HTTP " + response.status() + ")");
            }
            return response;
        }

        @Override
        public CompletableFuture<Void> postAsyncSSE(
                Consumer<String> onEvent, Consumer<Throwable> onError, Runnable onComplete) {
            return sse(postRequest(), onEvent, onError, onComplete);
        }
    }

    private final class Delete extends Base<DeleteBuilder> implements DeleteBuilder {
        @Override
        public A2AHttpResponse delete() throws IOException, InterruptedException {
            return send(request().DELETE());
        }
    }

    private record Response(int status, String body) implements A2AHttpResponse {
        @Override
        public boolean success() {
            return status / 100 == 2;
        }
    }

    /** Collects {@code data:} lines until the blank line that ends an event, per the SSE spec. */
    private static final class SseLineSubscriber implements Flow.Subscriber<String> {
        private final Consumer<String> onEvent;
        private final int maxEventChars;
        private final Consumer<IOException> onTooLarge;
        private final String url;
        private final StringBuilder data = new StringBuilder();
        private Flow.Subscription subscription;
        private boolean abandoned;

        SseLineSubscriber(Consumer<String> onEvent, int maxEventChars, Consumer<IOException> onTooLarge, String url) {
            this.onEvent = onEvent;
            this.maxEventChars = maxEventChars;
            this.onTooLarge = onTooLarge;
            this.url = url;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            if (abandoned) {
                return;
            }
            if (data.length() + line.length() > maxEventChars) {
                abandoned = true;
                data.setLength(0);
                subscription.cancel();
                onTooLarge.accept(new IOException("An event streamed by " + url + " exceeds "
                        + OutboundHttp.size(maxEventChars) + "; the stream was dropped"));
                return;
            }
            if (line.isEmpty()) {
                flush();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                String value = line.substring(5);
                data.append(value.startsWith(" ") ? value.substring(1) : value);
            }
            // Comments (":") and the event/id/retry fields carry nothing the A2A client uses.
        }

        synchronized void flush() {
            if (data.length() > 0) {
                String event = data.toString();
                data.setLength(0);
                onEvent.accept(event);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // Reported through the exchange future.
        }

        @Override
        public void onComplete() {
            flush();
        }
    }

    /** The start of an error reply, enough to quote; the rest is drained unread. */
    private static HttpResponse.BodySubscriber<String> errorBody() {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        return HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                    int room = 4096 - head.size();
                    if (room > 0) {
                        head.write(bytes, 0, Math.min(room, bytes.length));
                    }
                })),
                ignored -> head.toString(StandardCharsets.UTF_8));
    }

    private static String describeBody(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        String lower = oneLine.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            // An error page's markup (and often a stack trace) says nothing a person can act on; its title might.
            java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?i)<title>([^<]{1,200})</title>")
                    .matcher(oneLine);
            java.util.regex.Matcher pre =
                    java.util.regex.Pattern.compile("(?i)<pre>([^<\\n]{1,200})").matcher(oneLine);
            // Express and others put the error's first line in <pre>; a generic <title> ("Error") comes second.
            return "an HTML error page"
                    + (pre.find()
                            ? " saying \"" + pre.group(1).strip() + "\""
                            : title.find() ? " titled \"" + title.group(1).strip() + "\"" : "");
        }
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
