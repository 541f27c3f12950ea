package dev.canarycouncil.runtime.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a model fake answers and what it was asked: queued replies first, in order, then the
 * responder (initially {@code text("ok")}). Thread-safe; shared by {@link GeminiFake} and {@link OpenAiFake}.
 */
public final class ModelScript {

    private static final Function<ModelRequest, ModelReply> DEFAULT = request -> ModelReply.text("ok");

    // Everything below is guarded by this.
    private final Deque<ModelReply> queue = new ArrayDeque<>();
    private final List<ModelRequest> requests = new ArrayList<>();
    private Function<ModelRequest, ModelReply> responder = DEFAULT;

    /** Replies served, in order, to the next requests that pass the key check. */
    public synchronized void enqueue(ModelReply... replies) {
        Arrays.stream(replies).map(r -> Objects.requireNonNull(r, "reply")).forEach(queue::addLast);
    }

    /** Answers every request once the queue is empty. */
    public synchronized void respondWith(Function<ModelRequest, ModelReply> responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
    }

    /** Every request received, also refused and failed ones, oldest first. */
    public synchronized List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized int requestCount() {
        return requests.size();
    }

    /** Forgets requests and queued replies, and restores the default responder. */
    public synchronized void reset() {
        queue.clear();
        requests.clear();
        responder = DEFAULT;
    }

    synchronized void record(ModelRequest request) {
        requests.add(request);
    }

    /** The next queued reply, else the responder's answer (called outside the lock, so it may be slow). */
    ModelReply next(ModelRequest request) {
        Function<ModelRequest, ModelReply> fallback;
        synchronized (this) {
            ModelReply queued = queue.pollFirst();
            if (queued != null) {
                return queued;
            }
            fallback = responder;
        }
        return Objects.requireNonNull(fallback.apply(request), "responder returned null");
    }
}
