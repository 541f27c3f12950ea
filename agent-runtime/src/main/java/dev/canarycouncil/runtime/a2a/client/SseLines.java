package dev.canarycouncil.runtime.a2a.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Splits a streamed body into lines at the byte level with a cap on a line's length. The JDK's
 * line subscriber buffers a line however long it grows, so a peer streaming one endless line could
 * fill the heap before any check saw it; here the stream is dropped the moment a line passes the cap.
 */
final class SseLines implements Flow.Subscriber<List<ByteBuffer>> {

    private final Flow.Subscriber<String> lines;
    private final int maxLineBytes;
    private final Consumer<IOException> onTooLong;
    private final String url;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private boolean dropped;

    SseLines(Flow.Subscriber<String> lines, int maxLineBytes, Consumer<IOException> onTooLong, String url) {
        this.lines = lines;
        this.maxLineBytes = maxLineBytes;
        this.onTooLong = onTooLong;
        this.url = url;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        lines.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // Lines are pushed as the bytes arrive; the byte stream is requested in full below.
            }

            @Override
            public void cancel() {
                s.cancel();
            }
        });
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining() && !dropped) {
                byte b = buffer.get();
                if (b == '\n') {
                    emit();
                } else if (line.size() >= maxLineBytes) {
                    dropped = true;
                    line.reset();
                    subscription.cancel();
                    onTooLong.accept(new IOException("An event streamed by " + url + " exceeds "
                            + dev.canarycouncil.runtime.http.OutboundHttp.size(maxLineBytes)
                            + "; the stream was dropped"));
                } else {
                    line.write(b);
                }
            }
        }
    }

    private void emit() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        lines.onNext(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void onError(Throwable t) {
        lines.onError(t);
    }

    @Override
    public synchronized void onComplete() {
        if (!dropped && line.size() > 0) {
            emit();
        }
        lines.onComplete();
    }
}
