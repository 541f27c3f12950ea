package dev.canarycouncil.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void flattensCutsAndTakesTheFirstLine() {
        assertEquals("a b c", Texts.oneLine("  a\n\tb   c \r\n"));
        assertEquals("", Texts.oneLine(null));
        assertEquals("first", Texts.firstLine("first\nsecond"));
        assertEquals("", Texts.firstLine(null));
        assertEquals("", Texts.firstLine(""));
        assertEquals("abcde", Texts.abbreviate("abcde", 5));
        assertEquals("abc…", Texts.abbreviate("abcdef", 4));
        assertEquals(4, Texts.abbreviate("abcdef", 4).length());
        assertEquals("", Texts.abbreviate(null, 4));
        assertThrows(IllegalArgumentException.class, () -> Texts.abbreviate("x", 0));
    }

    @Test
    void cutKeepsTheStatedNumberOfCharactersThenMarksTheCut() {
        assertEquals("abcd", Texts.cut("abcd", 4));
        assertEquals("abcd…", Texts.cut("abcde", 4));
        assertEquals("", Texts.cut(null, 4));
    }
}
