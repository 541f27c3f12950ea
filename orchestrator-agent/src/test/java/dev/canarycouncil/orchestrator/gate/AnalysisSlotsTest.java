package dev.canarycouncil.orchestrator.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalysisSlotsTest {

    private final AnalysisSlots slots = new AnalysisSlots(new AnalysisLimits(2, 1, Duration.ofSeconds(7)));

    @Test
    void aCallerGetsItsLimitAndNoMoreWhileOthersAreServed() {
        AnalysisSlots.Slot first = slots.acquire("10.0.0.1", "shop/checkout");
        slots.acquire("10.0.0.1", "shop/cart");
        TooManyAnalysesException refused =
                assertThrows(TooManyAnalysesException.class, () -> slots.acquire("10.0.0.1", "shop/search"));
        assertTrue(refused.getMessage().contains("at most 2 per caller"), refused.getMessage());
        assertEquals(Duration.ofSeconds(7), refused.retryAfter());
        slots.acquire("10.0.0.2", "shop/search");

        first.close();
        first.close(); // twice frees once
        slots.acquire("10.0.0.1", "shop/orders");
        assertEquals(2, slots.running("10.0.0.1"));
    }

    @Test
    void aRolloutGetsItsLimitWhoeverAsks() {
        slots.acquire("10.0.0.1", "shop/checkout");
        TooManyAnalysesException refused =
                assertThrows(TooManyAnalysesException.class, () -> slots.acquire("10.0.0.9", "shop/checkout"));
        assertTrue(refused.getMessage().contains("per rollout"), refused.getMessage());
        assertEquals(0, slots.running("10.0.0.9"), "a refusal takes nothing");
    }
}
