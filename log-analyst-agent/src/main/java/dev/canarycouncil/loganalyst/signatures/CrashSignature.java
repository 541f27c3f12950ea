package dev.canarycouncil.loganalyst.signatures;

/**
 * A recognised failure in one log record.
 *
 * @param exception  the exception type or panic kind (for a cause chain, the root cause)
 * @param message    the exception's message, or the panic text
 * @param location   the top application frame as {@code file:line}, or null
 * @param function   the function or method of that frame, or null
 * @param uncaught   true when the process (or thread) died of it, not just logged it
 */
public record CrashSignature(
        CrashKind kind, String exception, String message, String location, String function, boolean uncaught) {

    /** A short name for the failure, e.g. {@code java.lang.NullPointerException at OrderService.java:42}. */
    public String title() {
        String what = exception == null || exception.isBlank() ? kind.label() : exception;
        return location == null ? what : what + " at " + location;
    }
}
