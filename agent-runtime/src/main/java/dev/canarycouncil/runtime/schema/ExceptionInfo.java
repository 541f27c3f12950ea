package dev.canarycouncil.runtime.schema;

/**
 * The exception (or panic) a crash report names, as the runtime printed it: for a chain, the root cause.
 *
 * @param type     e.g. {@code java.lang.NullPointerException}, {@code KeyError}, {@code NoMethodError}, {@code panic}
 * @param message  what follows the type, possibly empty
 */
public record ExceptionInfo(String type, String message) {

    public ExceptionInfo {
        message = message == null ? "" : message;
    }

    /** {@code Type: message}, or the type alone. */
    public String describe() {
        return message.isBlank() ? type : type + ": " + message;
    }
}
