package dev.canarycouncil.runtime.schema;

import java.util.List;
import java.util.Objects;

/**
 * Something a member could not see, so whoever reads its finding (the council, a person, a
 * release gate) knows the verdict was reached without it: no metrics source at all, logs in a format
 * no reader recognised, a source that had nothing for this canary.
 *
 * @param kind     why it could not be seen
 * @param subject  what, in a few words: {@code metrics}, {@code canary logs}
 * @param detail   one sentence a person can act on
 * @param samples  a few examples of what could not be read, redacted, when there are any
 */
public record BlindSpot(Kind kind, String subject, String detail, List<String> samples) {

    public enum Kind {
        /** No source of this kind is configured at all: the member abstains rather than votes. */
        NOT_CONFIGURED,
        /** Data is there but could not be read (an unrecognised log format). */
        UNREADABLE,
        /** The source is there but holds nothing for this canary. */
        NO_DATA
    }

    public BlindSpot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        detail = detail == null ? "" : detail;
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    public static BlindSpot of(Kind kind, String subject, String detail) {
        return new BlindSpot(kind, subject, detail, List.of());
    }

    /** One line for a rationale or a terminal. */
    public String describe() {
        return subject + ": " + detail;
    }
}
