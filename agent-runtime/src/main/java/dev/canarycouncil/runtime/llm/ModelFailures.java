package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.text.Texts;
import dev.langchain4j.exception.HttpException;

/** Finds the cause that matters in a langchain4j failure chain and says it in one line. */
final class ModelFailures {

    private static final int MAX_BODY = 200;

    private ModelFailures() {}

    static Throwable classify(Throwable error) {
        Throwable first = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TokenBudgetExceededException
                    || t instanceof InvalidModelAnswerException
                    || t instanceof HttpException
                    || t instanceof ModelUnreachableException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return t;
            }
            if (isParsingFailure(t)) {
                first = t;
            }
        }
        return first;
    }

    /**
     * The model's answer could not be read as the judgement asked for. A Jackson error alone is not
     * that: it is also what the client throws on a proxy's HTML page, which is the gateway's fault.
     */
    static boolean isParsingFailure(Throwable t) {
        return t.getClass().getSimpleName().contains("OutputParsing");
    }

    static String describe(Throwable t) {
        if (t instanceof HttpException h) {
            return "the model server answered HTTP " + h.statusCode() + (h.statusCode() == 429 ? " (rate limited)" : "")
                    + ": " + shorten(h.getMessage());
        }
        if (t instanceof dev.langchain4j.exception.TimeoutException) {
            return "the model did not answer in time: " + shorten(t.getMessage());
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return shorten(message);
    }

    private static String shorten(String s) {
        return Texts.abbreviate(Texts.oneLine(s), MAX_BODY + 1);
    }
}
