package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;

/**
 * Go's {@code panic:} and {@code fatal error:} with their goroutine traces, and net/http's
 * {@code http: panic serving} of a handler's recovered panic (the process lives on).
 */
final class GoPanics {

    private GoPanics() {}

    static boolean matches(String header) {
        return header.startsWith("panic: ")
                || header.startsWith("fatal error: ")
                || header.contains("http: panic serving");
    }

    static CrashSignature read(LogEvent event) {
        String header = event.header();
        boolean recovered = header.contains("http: panic serving");
        String kind = header.startsWith("fatal error: ") ? "fatal error" : "panic";
        String message;
        if (recovered) {
            // "http: panic serving 10.0.0.1:5432: runtime error: ..."
            int address = header.indexOf("panic serving ") + "panic serving ".length();
            int colon = header.indexOf(": ", address);
            message = colon >= 0 ? header.substring(colon + 2).strip() : header.strip();
        } else {
            message = header.substring(kind.length() + 2).strip();
        }
        GoStacks.Frame frame = GoStacks.applicationFrame(event.lines());
        if (frame != null) {
            return new CrashSignature(
                    CrashKind.GO_PANIC, kind, message, frame.location(), frame.function(), !recovered);
        }
        return new CrashSignature(CrashKind.GO_PANIC, kind, message, null, null, !recovered);
    }
}
