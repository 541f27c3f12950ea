package dev.canarycouncil.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.testing.PostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The history's promise when its database goes away: the analysis is answered, kept, and written later. */
class AnalysisHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void analysesFinishedWhileTheDatabaseIsDownAreWrittenWhenItIsBack() throws Exception {
        PostgresServer.assumeAvailable();
        try (PostgresServer pg = PostgresServer.start()) {
            HistorySettings settings = HistorySettings.postgresql(
                    pg.jdbcUrl(), pg.user(), Optional.empty(), HistorySettings.DEFAULT_RETENTION);
            try (AnalysisHistory history =
                    new AnalysisHistory(AnalysisStore.open(settings), Clock.systemUTC(), Duration.ofMillis(300))) {
                history.finished(HistoryFixtures.finished(
                        "before", "shop", "checkout", Decision.PROMOTE, T0, Requester.CONTROLLER));
                history.flush(Duration.ofSeconds(10));
                assertTrue(history.status().available());

                pg.stop();
                long handedOver = System.nanoTime();
                history.finished(HistoryFixtures.finished(
                        "during-1", "shop", "checkout", Decision.ROLLBACK, T0.plusSeconds(60), Requester.CONTROLLER));
                history.finished(HistoryFixtures.finished(
                        "during-2", "shop", "cart", Decision.PROMOTE, T0.plusSeconds(120), Requester.PEER));
                assertTrue(
                        Duration.ofNanos(System.nanoTime() - handedOver).toMillis() < 500,
                        "handing an analysis over never waits for the database");
                history.flush(Duration.ofSeconds(15));
                AnalysisHistory.Status down = history.status();
                assertFalse(down.available());
                assertEquals(2, down.pending());
                assertTrue(
                        down.problem().orElseThrow().contains(settings.describe()),
                        down.problem().orElseThrow());

                pg.restart();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (history.status().pending() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(0, history.status().pending(), "written once the database was back");
                assertTrue(history.status().available());
                assertEquals(
                        Decision.ROLLBACK,
                        history.store().find("during-1").orElseThrow().summary().decision());
                assertEquals(3, history.store().list(AnalysisQuery.recent(50)).total());
            }
        }
    }

    @Test
    void retentionRunsWhenTheHistoryStarts() throws Exception {
        HistorySettings settings = HistorySettings.inMemory();
        AnalysisStore store = AnalysisStore.open(settings);
        store.save(HistoryFixtures.finished(
                "ancient",
                "shop",
                "checkout",
                Decision.PROMOTE,
                Instant.now().minus(Duration.ofDays(91)),
                Requester.PEER));
        store.save(HistoryFixtures.finished(
                "recent",
                "shop",
                "checkout",
                Decision.PROMOTE,
                Instant.now().minus(Duration.ofDays(89)),
                Requester.PEER));
        try (AnalysisHistory history = new AnalysisHistory(store, Clock.systemUTC(), Duration.ofSeconds(1))) {
            history.flush(Duration.ofSeconds(10));
            assertTrue(store.find("ancient").isEmpty(), "older than the 90 days kept");
            assertTrue(store.find("recent").isPresent());
        }
    }
}
