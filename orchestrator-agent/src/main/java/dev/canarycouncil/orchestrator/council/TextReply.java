package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a member's reply that carries text but no Finding DataPart, as any A2A agent may send. The
 * text is taken at its word only as far as it is unambiguous: one recommendation (PROMOTE,
 * ROLLBACK/"roll back", or INCONCLUSIVE) and an optional "NN%" confidence, capped, since free text
 * cannot be checked like a schema. Text naming both promote and roll back reads as INCONCLUSIVE.
 * The council then counts such a vote with a low weight and never lets it veto.
 */
final class TextReply {

    /** A text vote never claims more than this, whatever it says. */
    static final int MAX_CONFIDENCE = 60;

    private static final int DEFAULT_CONFIDENCE = 50;
    private static final Pattern ROLLBACK = Pattern.compile("\\b(roll[ -]?back|revert|abort)\\b");
    private static final Pattern PROMOTE = Pattern.compile("\\b(promote|safe to ship|proceed)\\b");
    private static final Pattern INCONCLUSIVE = Pattern.compile("\\b(inconclusive|cannot tell|not sure|unknown)\\b");
    private static final Pattern PERCENT = Pattern.compile("\\b(\\d{1,3})\\s?%");

    private TextReply() {}

    static Finding read(String member, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean rollback = ROLLBACK.matcher(lower).find();
        boolean promote = PROMOTE.matcher(lower).find();
        Decision verdict;
        if (INCONCLUSIVE.matcher(lower).find() || rollback == promote) {
            verdict = Decision.INCONCLUSIVE;
        } else {
            verdict = rollback ? Decision.ROLLBACK : Decision.PROMOTE;
        }
        int confidence = 0;
        if (verdict != Decision.INCONCLUSIVE) {
            Matcher m = PERCENT.matcher(lower);
            confidence = m.find() ? Math.min(MAX_CONFIDENCE, Integer.parseInt(m.group(1))) : DEFAULT_CONFIDENCE;
        }
        return new Finding(
                member,
                verdict,
                confidence,
                ProgressText.clean(text),
                List.of(),
                List.of("read from a text reply without a "
                        + "canary-council/finding/v1 DataPart; counted with low weight, no veto"));
    }
}
