package dev.canarycouncil.runtime.llm;

/** The model could not be reached at all (refused, reset, interrupted). */
public final class ModelUnreachableException extends RuntimeException {

    public ModelUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
