package dev.canarycouncil.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void unitsAndCombinations() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofMinutes(2), DurationText.parse("2m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofMillis(2_250), DurationText.parse("2s250ms"));
        assertEquals(Duration.ofSeconds(15), DurationText.parse(" 15 "));
    }

    @Test
    void msIsNotMinutesThenSeconds() {
        assertEquals(Duration.ofMillis(5), DurationText.parse("5ms"));
    }

    @Test
    void zeroAndNonsenseAreRefusedWithAnExample() {
        for (String bad : new String[] {"0", "0s", "abc", "1.5s", "-3s", "", "5 m"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse(null));
    }
}
