package dev.canarycouncil.runtime.llm;

/** A model configuration that cannot work, with what to change. */
public final class ModelConfigException extends RuntimeException {

    public ModelConfigException(String message) {
        super(message);
    }
}
