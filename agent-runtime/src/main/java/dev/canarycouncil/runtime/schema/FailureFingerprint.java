package dev.canarycouncil.runtime.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name one failure keeps from one analysis to the next: the issue writer marks its issue with
 * it, and the coordinator's replicas take turns filing by it, so the two must compute it alike.
 */
public final class FailureFingerprint {

    private FailureFingerprint() {}

    /** 12 hex digits of SHA-256 over the service and the failure with its numbers masked. */
    public static String of(String service, String rootCause) {
        String normalised = (service + "|" + (rootCause == null ? "" : rootCause))
                .toLowerCase(Locale.ROOT)
                .replaceAll("0x[0-9a-f]+", "X")
                .replaceAll("\\d+", "N");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
