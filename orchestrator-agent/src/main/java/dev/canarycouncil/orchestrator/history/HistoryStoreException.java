package dev.canarycouncil.orchestrator.history;

/** The history database cannot be used: unreachable, full, or with a schema this version does not know. */
public final class HistoryStoreException extends RuntimeException {

    public HistoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryStoreException(String message) {
        super(message);
    }
}
