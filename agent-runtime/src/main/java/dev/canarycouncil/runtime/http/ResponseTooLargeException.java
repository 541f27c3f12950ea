package dev.canarycouncil.runtime.http;

import java.io.IOException;

/** A reply body larger than the caller's {@link HttpLimits#maxResponseBytes()}; nothing past the cap was read. */
public final class ResponseTooLargeException extends IOException {

    public ResponseTooLargeException(String message) {
        super(message);
    }
}
