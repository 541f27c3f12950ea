package dev.canarycouncil.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store on both databases it supports: H2 in a data directory, and a real PostgreSQL server. */
class AnalysisStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static PostgresServer postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        PostgresServer.assumeAvailable();
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A fresh, empty database of each kind. */
    static Stream<HistorySettings> databases() throws Exception {
        Path dir = Files.createTempDirectory("history-h2");
        dir.toFile().deleteOnExit();
        String db = "test" + (++databases);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return Stream.of(
                HistorySettings.embedded(dir, HistorySettings.DEFAULT_RETENTION),
                HistorySettings.postgresql(
                        postgres.jdbcUrl().replace("/postgres", "/" + db),
                        postgres.user(),
                        Optional.empty(),
                        HistorySettings.DEFAULT_RETENTION));
    }

    /**
     * Two replicas (two stores, two pools, one database) claim one failure at once: the second waits
     * until the first noted its issue, then sees it; another failure is never held up.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void oneFailuresIssueIsFiledByOneReplicaAtATime(HistorySettings settings) throws Exception {
        try (AnalysisStore one = AnalysisStore.open(settings);
                AnalysisStore two = AnalysisStore.open(settings)) {
            AnalysisStore.IssueTurn first = one.claimIssue("f00d", "a-1", Duration.ofSeconds(20));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (AnalysisStore.IssueTurn turn = two.claimIssue("f00d", "a-2", Duration.ofSeconds(20))) {
                    IssueClaim seen = two.issueClaim("f00d").orElseThrow();
                    turn.done("a-2", Optional.of(issue("commented", "https://github.test/shop/checkout/issues/1")));
                    return seen;
                }
            });
            // Another failure is claimed at once while the first is held.
            try (AnalysisStore.IssueTurn other = two.claimIssue("beef", "a-3", Duration.ofSeconds(1))) {
                other.done("a-3", Optional.empty());
            }
            Thread.sleep(500);
            assertFalse(second.isDone(), "the second replica waits for the first one's filing");
            first.done("a-1", Optional.of(issue("filed", "https://github.test/shop/checkout/issues/1")));
            IssueClaim seenBySecond = second.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("a-1", seenBySecond.analysisId());
            assertEquals("filed", seenBySecond.state());
            assertEquals(Optional.of("https://github.test/shop/checkout/issues/1"), seenBySecond.issueUrl());
            IssueClaim last = one.issueClaim("f00d").orElseThrow();
            assertEquals("a-2", last.analysisId());
            assertEquals("commented", last.state());
            assertEquals("none", one.issueClaim("beef").orElseThrow().state());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClaimHeldTooLongIsAClearFailureNotAHang(HistorySettings settings) throws Exception {
        try (AnalysisStore one = AnalysisStore.open(settings);
                AnalysisStore two = AnalysisStore.open(settings);
                AnalysisStore.IssueTurn held = one.claimIssue("f00d", "a-1", Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            HistoryStoreException e = assertThrows(
                    HistoryStoreException.class, () -> two.claimIssue("f00d", "a-2", Duration.ofMillis(300)));
            assertTrue(
                    e.getMessage().startsWith("cannot claim the issue of failure f00d in the history at "),
                    e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "gave up after its wait");
        }
    }

    /**
     * Each step of an issue's loop keeps the first time it was seen, a pull request opened earlier than
     * the one seen first replaces it, and the retention takes the steps with the analyses.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theLoopsStepsKeepTheirFirstTimes(HistorySettings settings) throws Exception {
        String url = "https://github.test/shop/checkout/issues/7";
        FinishedAnalysis broken =
                HistoryFixtures.finished("a-1", "shop", "checkout", Decision.ROLLBACK, T0, Requester.CONTROLLER);
        broken = new FinishedAnalysis(
                broken.request(),
                broken.verdict().withIssue(issue("filed", url)),
                broken.requester(),
                broken.startedAt(),
                broken.progress(),
                broken.filing());
        try (AnalysisStore store = AnalysisStore.open(settings)) {
            store.save(broken);
            store.save(checked("a-2", T0.plus(Duration.ofHours(2)), url, T0.plus(Duration.ofHours(1))));
            store.save(checked("a-3", T0.plus(Duration.ofHours(3)), url, T0.plus(Duration.ofMinutes(30))));
            List<FixStep> steps = store.fixSteps(T0.minus(Duration.ofDays(1)));
            assertEquals(4, steps.size(), steps.toString());
            FixLoops.Loop loop = FixLoops.of(steps).get(0);
            assertEquals(1, loop.issues());
            assertEquals(Optional.of(Duration.ZERO), loop.toIssue().median(), "filed as the analysis ended");
            assertEquals(
                    Optional.of(Duration.ofMinutes(30)), loop.toPullRequest().median(), "the earlier PR");
            assertEquals(Optional.of(Duration.ofHours(2)), loop.toVerified().median(), "the first verification");
            store.deleteDecidedBefore(T0.plus(Duration.ofDays(1)));
            assertEquals(List.of(), store.fixSteps(T0.minus(Duration.ofDays(1))));
        }
    }

    /** A promoted canary that verified the fix of {@code url}, whose pull request was opened at {@code opened}. */
    private static FinishedAnalysis checked(String id, Instant at, String url, Instant opened) {
        FinishedAnalysis a =
                HistoryFixtures.finished(id, "shop", "checkout", Decision.PROMOTE, at, Requester.CONTROLLER);
        var pr = new dev.canarycouncil.runtime.schema.PullRequestLink(
                3,
                "https://github.test/shop/checkout/pull/3",
                "Fix it",
                dev.canarycouncil.runtime.schema.PullRequestLink.PullRequestState.MERGED,
                opened,
                opened.plusSeconds(60),
                "4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4",
                true);
        var check = new dev.canarycouncil.runtime.schema.FixVerification(
                url,
                "f00d",
                dev.canarycouncil.runtime.schema.FixVerification.FixOutcome.VERIFIED,
                459,
                600,
                0,
                "not seen",
                List.of(pr));
        return new FinishedAnalysis(
                a.request(),
                a.verdict().withVerifications(List.of(check)),
                a.requester(),
                a.startedAt(),
                a.progress(),
                a.filing());
    }

    private static dev.canarycouncil.runtime.schema.IssueDraft issue(String state, String url) {
        return dev.canarycouncil.runtime.schema.IssueDraft.draft("title", "body", List.of(), "f00d")
                .build()
                .withOutcome(url, state, "");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAnalysisIsStoredWholeAndReadBackAsItWasDecided(HistorySettings settings) throws Exception {
        FinishedAnalysis a =
                HistoryFixtures.finished("a-1", "shop", "checkout", Decision.ROLLBACK, T0, Requester.CONTROLLER);
        try (AnalysisStore store = AnalysisStore.open(settings)) {
            store.save(a);
            store.save(a); // a retried write stores nothing twice
            StoredAnalysis back = store.find("a-1").orElseThrow();
            assertEquals(
                    Json.mapper().writeValueAsString(a.verdict()), Json.mapper().writeValueAsString(back.verdict()));
            assertEquals(
                    Json.mapper().writeValueAsString(a.request()), Json.mapper().writeValueAsString(back.request()));
            assertEquals(a.progress(), back.progress());
            AnalysisSummary s = back.summary();
            assertEquals(
                    List.of("shop", "checkout", "7c9d6f5b4", "5f7d8c9b6"),
                    List.of(s.namespace(), s.rollout(), s.canaryHash(), s.stableHash()));
            assertEquals(Requester.CONTROLLER, s.requester());
            assertEquals(Decision.ROLLBACK, s.decision());
            assertEquals(T0, s.decidedAt());
            assertEquals(Optional.of("Canary 7c9d6f5b4 of checkout panics"), s.issueTitle());
            assertEquals(1, store.list(AnalysisQuery.recent(50)).total());
            assertTrue(store.find("no-such").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listsFilterAndPageNewestFirst(HistorySettings settings) {
        try (AnalysisStore store = AnalysisStore.open(settings)) {
            for (int i = 0; i < 12; i++) {
                store.save(HistoryFixtures.finished(
                        "a-" + i,
                        i % 3 == 0 ? "payments" : "shop",
                        i % 2 == 0 ? "checkout" : "cart",
                        i % 4 == 0 ? Decision.ROLLBACK : Decision.PROMOTE,
                        T0.plus(Duration.ofMinutes(i)),
                        Requester.PEER));
            }
            AnalysisPage first = store.list(AnalysisQuery.recent(5));
            assertEquals(12, first.total());
            assertEquals(List.of("a-11", "a-10", "a-9", "a-8", "a-7"), ids(first));
            AnalysisPage third = store.list(new AnalysisQuery(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 5, 10));
            assertEquals(List.of("a-1", "a-0"), ids(third));

            AnalysisPage shopCheckout = store.list(new AnalysisQuery(
                    Optional.of("shop"),
                    Optional.of("checkout"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    50,
                    0));
            assertEquals(List.of("a-10", "a-8", "a-4", "a-2"), ids(shopCheckout));
            AnalysisPage rollbacks = store.list(new AnalysisQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Decision.ROLLBACK),
                    Optional.empty(),
                    Optional.empty(),
                    50,
                    0));
            assertEquals(List.of("a-8", "a-4", "a-0"), ids(rollbacks));
            AnalysisPage window = store.list(new AnalysisQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(T0.plus(Duration.ofMinutes(3))),
                    Optional.of(T0.plus(Duration.ofMinutes(6))),
                    50,
                    0));
            assertEquals(List.of("a-5", "a-4", "a-3"), ids(window));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void retentionDeletesOldAnalysesWithTheirProgressAndStatsSayWhatIsKept(HistorySettings settings) {
        try (AnalysisStore store = AnalysisStore.open(settings)) {
            store.save(HistoryFixtures.finished(
                    "old", "shop", "checkout", Decision.PROMOTE, T0.minus(Duration.ofDays(100)), Requester.PEER));
            store.save(HistoryFixtures.finished("new", "shop", "checkout", Decision.PROMOTE, T0, Requester.PEER));
            HistoryStats before = store.stats();
            assertEquals(2, before.analyses());
            assertEquals(Optional.of(T0.minus(Duration.ofDays(100))), before.oldest());
            assertTrue(before.sizeBytes().orElseThrow() > 0, "an on-disk database reports its size");
            assertEquals(1, store.deleteDecidedBefore(T0.minus(HistorySettings.DEFAULT_RETENTION)));
            assertTrue(store.find("old").isEmpty());
            assertEquals(2, store.find("new").orElseThrow().progress().size());
            assertEquals(Optional.of(T0), store.stats().oldest());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void analysesOutliveARestart(HistorySettings settings) {
        try (AnalysisStore store = AnalysisStore.open(settings)) {
            store.save(HistoryFixtures.finished("kept", "shop", "checkout", Decision.PROMOTE, T0, Requester.PEER));
        }
        try (AnalysisStore again = AnalysisStore.open(settings)) {
            assertEquals(
                    Decision.PROMOTE, again.find("kept").orElseThrow().summary().decision());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSchemaNewerThanThisVersionStopsTheStartInsteadOfBeingUsed(HistorySettings settings) throws Exception {
        AnalysisStore.open(settings).close();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), "");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO history_schema (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                    + "'V99__from_the_future.sql', 0, 'council', 1, TRUE)");
        }
        HistoryStoreException e = assertThrows(HistoryStoreException.class, () -> AnalysisStore.open(settings));
        assertTrue(
                e.getMessage().contains("schema version 99, newer than this Canary Council knows (6)"), e.getMessage());
        assertTrue(e.getMessage().contains(settings.describe()), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSchemaChangedBehindFlywaysBackStopsTheStartNamingTheMigration(HistorySettings settings) throws Exception {
        AnalysisStore.open(settings).close();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), "");
                Statement s = c.createStatement()) {
            s.execute("UPDATE history_schema SET checksum = 12345 WHERE version = '1'");
        }
        HistoryStoreException e = assertThrows(HistoryStoreException.class, () -> AnalysisStore.open(settings));
        assertTrue(
                e.getMessage().startsWith("the history at " + settings.describe() + " cannot be used"), e.getMessage());
        assertTrue(e.getMessage().contains("checksum mismatch for migration version 1"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void tablesFlywayDidNotMakeAreNotWrittenOver(HistorySettings settings) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE analysis (id VARCHAR(10))");
        }
        HistoryStoreException e = assertThrows(HistoryStoreException.class, () -> AnalysisStore.open(settings));
        assertTrue(
                e.getMessage().startsWith("the history at " + settings.describe() + " cannot be used"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("schema history"), e.getMessage());
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsAStartUpErrorNamingIt() throws Exception {
        HistorySettings nowhere;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            nowhere = HistorySettings.postgresql(
                    "jdbc:postgresql://127.0.0.1:" + s.getLocalPort() + "/none",
                    "council",
                    Optional.empty(),
                    HistorySettings.DEFAULT_RETENTION);
        }
        HistorySettings target = nowhere;
        long started = System.nanoTime();
        HistoryStoreException e = assertThrows(HistoryStoreException.class, () -> AnalysisStore.open(target));
        assertTrue(e.getMessage().contains("PostgreSQL at " + target.jdbcUrl()), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30, "fails within the pool's timeout");
        assertFalse(e.getMessage().contains("password"), e.getMessage());
    }

    private static List<String> ids(AnalysisPage page) {
        return page.analyses().stream().map(AnalysisSummary::id).toList();
    }
}
