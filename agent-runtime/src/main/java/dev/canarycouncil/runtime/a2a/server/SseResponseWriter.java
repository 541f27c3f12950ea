package dev.canarycouncil.runtime.a2a.server;

import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a publisher of events to an HTTP response as Server-Sent Events, one {@code data:} line
 * per event, in the order the publisher emits them.
 *
 * <p>All demand is signalled once, up front. The SDK's publisher (mutiny-zero tubes) delivers
 * events out of order when demand is signalled from another thread while it is sending, which
 * happened when the next event was requested from Vert.x's write-completion callback: about 2%
 * of streams ended with their COMPLETED update before a progress update or the artifact. Event
 * streams here are short (a task's progress and result), so Vert.x's write queue holds them.
 */
public final class SseResponseWriter<T> implements Flow.Subscriber<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SseResponseWriter.class);

    private final HttpServerResponse response;
    private final Function<T, String> serializer;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Flow.Subscription subscription;

    public SseResponseWriter(HttpServerResponse response, Function<T, String> serializer) {
        this.response = response;
        this.serializer = serializer;
    }

    /** Starts the SSE response and subscribes to the publisher. */
    public static <T> void stream(
            HttpServerResponse response, Flow.Publisher<T> publisher, Function<T, String> serializer) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        SseResponseWriter<T> writer = new SseResponseWriter<>(response, serializer);
        response.closeHandler(v -> writer.clientGone());
        publisher.subscribe(writer);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (done.get()) {
            subscription.cancel();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
        if (done.get()) {
            return;
        }
        String json;
        try {
            json = serializer.apply(item);
        } catch (RuntimeException e) {
            LOG.warn("Dropping an event that could not be serialised: {}", e.toString());
            return;
        }
        response.write("data: " + json + "\n\n").onFailure(e -> clientGone());
    }

    @Override
    public void onError(Throwable throwable) {
        LOG.warn("Event stream failed: {}", throwable.toString());
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    private void finish() {
        if (done.compareAndSet(false, true) && !response.ended() && !response.closed()) {
            response.end();
        }
    }

    private void clientGone() {
        if (done.compareAndSet(false, true) && subscription != null) {
            // The SDK keeps consuming the agent's events in the background when we cancel.
            subscription.cancel();
        }
    }
}
