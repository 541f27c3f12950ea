package dev.canarycouncil.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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

    /**
     * A full disk under the database (a 2 MiB tmpfs as its tablespace) refuses the history's writes:
     * handing analyses over still never waits, the history says it is unavailable and why, and every
     * analysis is written once there is room again. Needs root to mount; skipped otherwise.
     */
    @Test
    void analysesRefusedByAFullDatabaseAreWrittenOnceThereIsRoom() throws Exception {
        PostgresServer.assumeAvailable();
        Path disk = Files.createTempDirectory("history-disk");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()),
                "mounting a small tmpfs needs root");
        try (PostgresServer pg = PostgresServer.start()) {
            assertTrue(run("chown", "postgres", disk.toString()) || !"root".equals(System.getProperty("user.name")));
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "");
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLESPACE small LOCATION '" + disk + "'");
                st.execute("CREATE DATABASE cramped");
            }
            String url = pg.jdbcUrl().replace("/postgres", "/cramped");
            HistorySettings settings =
                    HistorySettings.postgresql(url, pg.user(), Optional.empty(), HistorySettings.DEFAULT_RETENTION);
            AnalysisStore store = AnalysisStore.open(settings);
            // The analyses' rows (and their TOAST) on the small disk; the catalog stays where there is room.
            try (Connection c = DriverManager.getConnection(url, pg.user(), "");
                    Statement st = c.createStatement()) {
                st.execute("ALTER TABLE analysis SET TABLESPACE small");
                st.execute("ALTER TABLE analysis_progress SET TABLESPACE small");
            }
            try (AnalysisHistory history = new AnalysisHistory(store, Clock.systemUTC(), Duration.ofMillis(300))) {
                int handed = 0;
                long slowest = 0;
                while (history.status().available() && handed < 5_000) {
                    for (int i = 0; i < 50; i++, handed++) {
                        long start = System.nanoTime();
                        history.finished(HistoryFixtures.finished(
                                "a-" + handed, "shop", "checkout", Decision.ROLLBACK, T0, Requester.CONTROLLER));
                        slowest = Math.max(slowest, System.nanoTime() - start);
                    }
                    history.flush(Duration.ofSeconds(30));
                }
                AnalysisHistory.Status full = history.status();
                assertFalse(full.available(), "2 MiB fill up after " + handed + " analyses");
                assertTrue(full.pending() > 0);
                assertTrue(
                        full.problem()
                                .orElseThrow()
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains("space"),
                        full.problem().orElseThrow());
                assertTrue(
                        Duration.ofNanos(slowest).toMillis() < 500,
                        "handing an analysis over never waits for the disk");

                assertTrue(run("mount", "-o", "remount,size=256m", disk.toString()), "room again");
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (history.status().pending() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(0, history.status().pending(), "written once there was room");
                assertTrue(history.status().available());
                assertEquals(
                        handed, history.store().list(AnalysisQuery.recent(1)).total(), "nothing was lost");
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
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
