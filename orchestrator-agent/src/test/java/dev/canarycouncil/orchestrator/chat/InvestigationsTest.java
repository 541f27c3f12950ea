package dev.canarycouncil.orchestrator.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InvestigationsTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Verdict verdict(String id) {
        return Verdict.builder()
                .analysisId(id)
                .decision(Decision.PROMOTE)
                .confidence(90)
                .rationale("r")
                .rootCause("none")
                .remediation("none")
                .decidedAt(Instant.EPOCH)
                .durationMs(1)
                .build();
    }

    @Test
    void idleInvestigationsAreForgottenAndUseKeepsThemAlive() {
        MovableClock clock = new MovableClock();
        Investigations store = new Investigations(10, Duration.ofMinutes(30), clock);
        store.remember("a", null, verdict("a"));
        store.remember("b", null, verdict("b"));
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(store.find("a").isPresent(), "used at 20 min");
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(store.find("a").isPresent(), "idle 20 min since its last use");
        assertTrue(store.find("b").isEmpty(), "idle 40 min");
        assertEquals(1, store.size());
    }

    @Test
    void theLeastRecentlyUsedGoesWhenFull() {
        Investigations store = new Investigations(2, Duration.ofHours(1), new MovableClock());
        store.remember("a", null, verdict("a"));
        store.remember("b", null, verdict("b"));
        store.find("a");
        store.remember("c", null, verdict("c"));
        assertTrue(store.find("a").isPresent());
        assertTrue(store.find("b").isEmpty());
        assertTrue(store.find("c").isPresent());
        assertTrue(store.find(null).isEmpty());
    }
}
