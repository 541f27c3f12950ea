package dev.canarycouncil.runtime.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body up to a cap. The JDK's byte-array subscriber buffers whatever arrives, so a peer
 * answering with gigabytes would fill the heap before anyone looked; this one stops at the cap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final long declared;
    private final String from;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long max, long declared, String from) {
        this.max = max;
        this.declared = declared;
        this.from = from;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declared > max) {
            s.cancel();
            result.completeExceptionally(new ResponseTooLargeException(OutboundHttp.tooLarge(from, max)));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (bytes.size() + (long) b.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(new ResponseTooLargeException(OutboundHttp.tooLarge(from, max)));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
