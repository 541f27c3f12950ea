package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import org.junit.jupiter.api.Test;

class TextReplyTest {

    private static void assertRead(String text, Decision verdict, int confidence) {
        Finding f = TextReply.read("chatty", text);
        assertEquals(verdict, f.verdict(), text);
        assertEquals(confidence, f.confidence(), text);
    }

    @Test
    void aConfidentRollbackIsCappedAtTheTextMaximum() {
        assertRead("ROLLBACK 99%: the canary's error rate tripled", Decision.ROLLBACK, TextReply.MAX_CONFIDENCE);
        assertEquals(60, TextReply.MAX_CONFIDENCE);
    }

    @Test
    void aRecommendationWithoutPercentGetsTheDefault() {
        assertRead("roll back please", Decision.ROLLBACK, 50);
        assertRead("I would revert this one", Decision.ROLLBACK, 50);
        assertRead("Safe to ship.", Decision.PROMOTE, 50);
    }

    @Test
    void aPromoteWithAPercentIsCappedToo() {
        assertRead("Promote, looks fine (80%)", Decision.PROMOTE, 60);
        assertRead("promote, 40% sure", Decision.PROMOTE, 40);
    }

    @Test
    void bothRecommendationsReadAsInconclusive() {
        assertRead("promote or roll back, not sure", Decision.INCONCLUSIVE, 0);
        assertRead("Either promote or rollback (90%)", Decision.INCONCLUSIVE, 0);
    }

    @Test
    void inconclusiveWordsAndSilenceReadAsInconclusive() {
        assertRead("inconclusive", Decision.INCONCLUSIVE, 0);
        assertRead("I cannot tell, rollback maybe (70%)", Decision.INCONCLUSIVE, 0);
        assertRead("the weather is nice", Decision.INCONCLUSIVE, 0);
    }

    @Test
    void wordsInsideOtherWordsDoNotCount() {
        assertRead("promoted yesterday, nothing to add", Decision.INCONCLUSIVE, 0);
    }

    @Test
    void theSummaryIsOneShortLine() {
        Finding f = TextReply.read("chatty", "ROLLBACK\n\nthe canary\tcrashes   repeatedly\r\n" + "x".repeat(1000));
        assertFalse(f.summary().contains("\n"), f.summary());
        assertFalse(f.summary().contains("\t"), f.summary());
        assertTrue(f.summary().startsWith("ROLLBACK the canary crashes repeatedly x"), f.summary());
        assertTrue(f.summary().length() <= 301, "summary of " + f.summary().length() + " characters");
        assertTrue(f.summary().length() >= 300, "summary of " + f.summary().length() + " characters");

        assertEquals(
                "promote (70%)", TextReply.read("chatty", "  promote\n(70%)  ").summary());
    }

    @Test
    void theFindingSaysItWasReadFromText() {
        Finding f = TextReply.read("chatty", "promote");
        assertEquals("chatty", f.agent());
        assertTrue(f.evidence().isEmpty());
        assertEquals(1, f.notes().size());
        assertTrue(
                f.notes().get(0).contains("read from a text reply"), f.notes().get(0));
        assertTrue(f.notes().get(0).contains("no veto"), f.notes().get(0));
    }
}
