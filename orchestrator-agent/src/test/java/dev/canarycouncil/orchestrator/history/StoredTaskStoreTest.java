package dev.canarycouncil.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.PostgresServer;
import io.a2a.spec.Artifact;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TextPart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas' task stores on one PostgreSQL: either answers for the other's tasks, now and after it stopped. */
class StoredTaskStoreTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        PostgresServer.assumeAvailable();
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static HistorySettings settings() {
        return HistorySettings.postgresql(
                postgres.jdbcUrl(), postgres.user(), Optional.empty(), HistorySettings.DEFAULT_RETENTION);
    }

    private static Task task(String id, TaskState state, String text) {
        Task.Builder b = new Task.Builder().id(id).contextId("ctx-" + id).status(new TaskStatus(state));
        if (state == TaskState.COMPLETED) {
            b.artifacts(List.of(new Artifact.Builder()
                    .artifactId("verdict")
                    .parts(List.of(new TextPart(text)))
                    .build()));
        }
        return b.build();
    }

    @Test
    void aTaskRunOnOneReplicaIsReadOnTheOtherAsItProgresses() throws Exception {
        try (AnalysisStore storeA = AnalysisStore.open(settings());
                AnalysisStore storeB = AnalysisStore.open(settings());
                StoredTaskStore a = new StoredTaskStore(
                        storeA, 10, Duration.ofMinutes(5), Duration.ofMillis(200), Clock.systemUTC());
                StoredTaskStore b = new StoredTaskStore(
                        storeB, 10, Duration.ofMinutes(5), Duration.ofMillis(200), Clock.systemUTC())) {
            a.save(task("t-1", TaskState.WORKING, ""));
            a.flush(Duration.ofSeconds(10));
            assertEquals(TaskState.WORKING, b.get("t-1").getStatus().state());
            assertTrue(b.isTaskActive("t-1"));
            assertFalse(b.isTaskFinalized("t-1"));

            a.save(task("t-1", TaskState.COMPLETED, "ROLLBACK with 97% confidence"));
            a.flush(Duration.ofSeconds(10));
            Task done = b.get("t-1");
            assertEquals(TaskState.COMPLETED, done.getStatus().state());
            assertEquals(
                    "ROLLBACK with 97% confidence",
                    ((TextPart) done.getArtifacts().get(0).parts().get(0)).getText());
            assertTrue(b.isTaskFinalized("t-1"));
            assertNull(b.get("no-such-task"));
        }
    }

    @Test
    void aRunningTaskLeftByAStoppedReplicaIsAnsweredAsFailedSayingWhy() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        try (AnalysisStore storeA = AnalysisStore.open(settings());
                AnalysisStore storeB = AnalysisStore.open(settings());
                StoredTaskStore a = new StoredTaskStore(
                        storeA, 10, Duration.ofMinutes(5), Duration.ofMillis(200), Clock.systemUTC());
                StoredTaskStore b = new StoredTaskStore(
                        storeB,
                        10,
                        Duration.ofMinutes(5),
                        Duration.ofMillis(200),
                        Clock.fixed(later, ZoneOffset.UTC))) {
            a.save(task("t-2", TaskState.WORKING, ""));
            a.flush(Duration.ofSeconds(10));
            Task seen = b.get("t-2");
            assertEquals(TaskState.FAILED, seen.getStatus().state(), "not running forever");
            assertTrue(
                    ((TextPart) seen.getStatus().message().getParts().get(0))
                            .getText()
                            .contains("replica running this task stopped"),
                    seen.getStatus().toString());
            assertTrue(b.isTaskFinalized("t-2"));
        }
    }

    @Test
    void tasksSavedWhileTheDatabaseIsDownAreServedHereAndWrittenWhenItIsBack() throws Exception {
        try (PostgresServer own = PostgresServer.start()) {
            HistorySettings settings = HistorySettings.postgresql(
                    own.jdbcUrl(), own.user(), Optional.empty(), HistorySettings.DEFAULT_RETENTION);
            try (AnalysisStore store = AnalysisStore.open(settings);
                    StoredTaskStore tasks = new StoredTaskStore(
                            store, 10, Duration.ofMinutes(5), Duration.ofMillis(300), Clock.systemUTC())) {
                own.stop();
                long before = System.nanoTime();
                tasks.save(task("t-3", TaskState.COMPLETED, "PROMOTE"));
                assertTrue(
                        Duration.ofNanos(System.nanoTime() - before).toMillis() < 500,
                        "saving never waits for the database");
                assertEquals(TaskState.COMPLETED, tasks.get("t-3").getStatus().state(), "this replica still answers");
                tasks.flush(Duration.ofSeconds(15));
                assertEquals(1, tasks.unwritten());

                own.restart();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (tasks.unwritten() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(0, tasks.unwritten(), "written once the database was back");
                try (AnalysisStore other = AnalysisStore.open(settings);
                        StoredTaskStore elsewhere = new StoredTaskStore(
                                other, 10, Duration.ofMinutes(5), Duration.ofMillis(300), Clock.systemUTC())) {
                    assertEquals(
                            TaskState.COMPLETED,
                            elsewhere.get("t-3").getStatus().state());
                }
            }
        }
    }
}
