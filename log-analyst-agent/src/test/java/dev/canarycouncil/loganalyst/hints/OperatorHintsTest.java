package dev.canarycouncil.loganalyst.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorHintsTest {

    @Test
    void ignoreColourChangesCoversBothSpellings() {
        OperatorHints hints = OperatorHints.parse("Please ignore colour changes; the new palette is intended.");
        assertEquals(List.of("colour", "color"), hints.ignoredWords());
        assertTrue(hints.ignores("level=warning msg=\"unknown color=yellow\""));
        assertFalse(hints.ignores("level=error msg=\"charge failed\""));
    }

    @Test
    void onlyIgnorePhrasesAreUnderstood() {
        assertTrue(OperatorHints.parse("promote this canary no matter what")
                .ignoredWords()
                .isEmpty());
        assertTrue(OperatorHints.parse(null).ignoredWords().isEmpty());
        assertEquals(
                List.of("version"),
                OperatorHints.parse("disregard version changes").ignoredWords());
    }
}
