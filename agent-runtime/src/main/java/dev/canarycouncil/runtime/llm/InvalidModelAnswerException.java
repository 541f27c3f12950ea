package dev.canarycouncil.runtime.llm;

/** The model answered, but not with an answer we can use (unparseable JSON, missing or out-of-range fields). */
public final class InvalidModelAnswerException extends RuntimeException {

    public InvalidModelAnswerException(String message) {
        super(message);
    }
}
