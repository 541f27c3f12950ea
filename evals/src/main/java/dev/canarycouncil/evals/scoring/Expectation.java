package dev.canarycouncil.evals.scoring;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.List;
import java.util.Locale;

/**
 * What a good judge concludes about one recording, from its manifest's {@code expected} block.
 *
 * @param verdict            the right decision
 * @param failureClass       e.g. {@code go-panic}, {@code healthy}
 * @param rootCause          the expected root cause in words
 * @param rootCauseKeywords  words a correct explanation contains
 */
public record Expectation(Decision verdict, String failureClass, String rootCause, List<String> rootCauseKeywords) {

    public Expectation {
        rootCauseKeywords = rootCauseKeywords == null ? List.of() : List.copyOf(rootCauseKeywords);
        failureClass = failureClass == null || failureClass.isBlank() ? "unclassified" : failureClass;
    }

    /** A broken canary: promoting it is the costly error. */
    public boolean broken() {
        return verdict == Decision.ROLLBACK;
    }

    /**
     * Whether an explanation names the expected cause: at least half of the keywords (rounded up)
     * appear in it, case-insensitively. All of them would punish a right answer worded otherwise;
     * any one would reward naming the service.
     */
    public boolean rootCauseHit(String explanation) {
        if (rootCauseKeywords.isEmpty() || explanation == null) {
            return false;
        }
        String text = explanation.toLowerCase(Locale.ROOT);
        long found = rootCauseKeywords.stream()
                .filter(k -> text.contains(k.toLowerCase(Locale.ROOT)))
                .count();
        return found * 2 >= rootCauseKeywords.size();
    }
}
