package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.InlineLogs;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TimeWindow;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules, end to end through the specialist with the logs sent in the request (as the
 * rollouts plugin sends them), so no MCP server is involved; its URL points at a closed port.
 */
class MigrationCheckerTest {

    private static final String SERVED =
            "2026-05-05T10:%02d:%02dZ  INFO 1 --- [nio-8080-exec-1] c.e.checkout.web.RequestLogFilter : GET /api/orders/81231 -> 200 in 12ms";
    private static final String STABLE_ERROR =
            "2026-05-05T10:%02d:%02dZ ERROR 1 --- [nio-8080-exec-2] c.e.checkout.orders.OrderHistoryReader : "
                    + "price history failed: org.postgresql.util.PSQLException: ERROR: column \"legacy_price\" does not exist";

    private static McpToolClient deadTools;
    private static MigrationChecker checker;

    @BeforeAll
    static void start() throws Exception {
        deadTools = new McpToolClient("http://127.0.0.1:" + closedPort() + "/mcp", Duration.ofSeconds(5));
        checker = MigrationCheckerAgent.checker(deadTools);
    }

    @AfterAll
    static void stop() {
        deadTools.close();
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static AnalysisRequest request(String canaryLogs, String stableLogs) {
        return AnalysisRequest.builder(
                        "analysis-1",
                        "shop",
                        new PodGroup(
                                "7c9d6f5b4",
                                "app=checkout,rollouts-pod-template-hash=7c9d6f5b4",
                                List.of("checkout-7c9d6f5b4-rdqjc")),
                        new PodGroup(
                                "5f7d8c9b6",
                                "app=checkout,rollouts-pod-template-hash=5f7d8c9b6",
                                List.of("checkout-5f7d8c9b6-fk8wf")),
                        new TimeWindow(Instant.parse("2026-05-05T10:00:00Z"), Instant.parse("2026-05-05T10:10:00Z")))
                .rollout("checkout")
                .service("checkout")
                .inlineLogs(new InlineLogs(stableLogs, canaryLogs))
                .build();
    }

    private static Finding analyse(String canaryLogs, String stableLogs) throws Exception {
        return checker.analyze(request(canaryLogs, stableLogs), message -> {});
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String healthyStable() {
        return lines(SERVED.formatted(0, 30), SERVED.formatted(1, 0), SERVED.formatted(2, 0));
    }

    private static final String FLYWAY_DROP = lines(
            "2026-05-05T10:00:06.405Z  INFO 1 --- [main] o.f.core.internal.command.DbMigrate : Migrating schema \"public\" to version \"42 - drop legacy price column\"",
            "2026-05-05T10:00:06.431Z DEBUG 1 --- [main] o.f.c.i.s.DefaultSqlScriptExecutor : Executing SQL: ALTER TABLE orders DROP COLUMN legacy_price",
            "2026-05-05T10:00:06.517Z  INFO 1 --- [main] o.f.core.internal.command.DbMigrate : Successfully applied 1 migration to schema \"public\", now at version v42",
            SERVED.formatted(0, 10));

    private static LogTemplateEvidence evidence(Finding f, String signature) {
        return f.evidence().stream()
                .map(LogTemplateEvidence.class::cast)
                .filter(e -> signature.equals(e.signature()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + signature + " evidence in " + f.evidence()));
    }

    @Test
    void aDestructiveMigrationIsARollbackEvenBeforeTheStableFails() throws Exception {
        Finding f = analyse(FLYWAY_DROP, healthyStable());
        assertEquals("migration-checker", f.agent());
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertEquals(85, f.confidence());
        LogTemplateEvidence e = evidence(f, "destructive-migration");
        assertEquals(Severity.CRITICAL, e.severity());
        assertTrue(
                e.description().contains("42 - drop legacy price column")
                        && e.description().contains("drop column legacy_price"),
                e.description());
        assertEquals(3, e.canaryCount());
        assertEquals(0, e.stableCount());
        assertEquals(Instant.parse("2026-05-05T10:00:06.405Z"), e.firstSeen());
        assertTrue(
                e.samples().stream().anyMatch(s -> s.contains("ALTER TABLE orders DROP COLUMN legacy_price")),
                e.samples()::toString);
        assertEquals(1, f.evidence().size(), "no breakage evidence without stable errors");
    }

    @Test
    void theStableFailingOnTheDroppedColumnRaisesTheConfidence() throws Exception {
        String stable = lines(
                SERVED.formatted(0, 1),
                STABLE_ERROR.formatted(1, 0),
                STABLE_ERROR.formatted(2, 0),
                STABLE_ERROR.formatted(3, 0));
        Finding f = analyse(FLYWAY_DROP, stable);
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertEquals(95, f.confidence());
        assertEquals(
                "destructive-migration",
                ((LogTemplateEvidence) f.evidence().get(0)).signature(),
                "the cause comes first");
        LogTemplateEvidence broke = evidence(f, "schema-mismatch");
        assertEquals(Severity.CRITICAL, broke.severity());
        assertEquals(3, broke.stableCount());
        assertEquals(0, broke.canaryCount());
        assertTrue(broke.description().contains("legacy_price"), broke.description());
        assertTrue(f.summary().contains("legacy_price") && f.summary().contains("migration"), f.summary());
    }

    @Test
    void stableErrorsFromBeforeTheMigrationDoNotConfirmIt() throws Exception {
        String stable = lines(STABLE_ERROR.formatted(0, 1), STABLE_ERROR.formatted(1, 0));
        Finding f = analyse(FLYWAY_DROP, stable);
        assertEquals(85, f.confidence(), f::toString);
    }

    @Test
    void aFailedMigrationIsARollback() throws Exception {
        Finding f = analyse(
                lines(
                        "== 20261101120000 MakeCurrencyRequired: migrating =============================",
                        "-- change_column_null(:orders, :currency, false)",
                        "StandardError: An error has occurred, this and all later migrations canceled:",
                        "PG::NotNullViolation: ERROR:  column \"currency\" of relation \"orders\" contains null values"),
                healthyStable());
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertEquals(90, f.confidence());
        LogTemplateEvidence e = evidence(f, "failed-migration");
        assertEquals(Severity.CRITICAL, e.severity());
        assertTrue(f.summary().contains("MakeCurrencyRequired") && f.summary().contains("failed"), f.summary());
        assertTrue(
                f.evidence().stream()
                        .noneMatch(x -> "destructive-migration".equals(((LogTemplateEvidence) x).signature())),
                "a failed migration did not change the schema");
    }

    @Test
    void aChecksumMismatchIsARollback() throws Exception {
        Finding f = analyse(
                lines(
                        "2026-05-05T10:00:06Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed",
                        "org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation",
                        "Migration checksum mismatch for migration version 42"),
                healthyStable());
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertEquals(85, f.confidence());
        assertTrue(f.summary().contains("refused to migrate"), f.summary());
    }

    @Test
    void onlyAdditiveMigrationsArePromotedWithModerateConfidence() throws Exception {
        Finding f = analyse(
                lines(
                        "INFO  [alembic.runtime.migration] Running upgrade 8d1e0b5a2c71 -> 1c4b7e2f9a30, add discount code",
                        "INFO  [alembic.runtime.migration] Running upgrade 1c4b7e2f9a30 -> 5e6f7a8b9c0d, create coupons table",
                        SERVED.formatted(0, 10)),
                healthyStable());
        assertEquals(Decision.PROMOTE, f.verdict());
        assertEquals(60, f.confidence());
        assertEquals(2, f.evidence().size());
        assertTrue(f.evidence().stream().allMatch(e -> e.severity() == Severity.INFO), f.evidence()::toString);
        assertTrue(f.summary().contains("add discount code"), f.summary());
    }

    @Test
    void anAdditiveMigrationNextToADestructiveOneIsNoReasonToPromote() throws Exception {
        Finding f = analyse(
                lines(
                        "-- add_column(:orders, :discount_code, :string)",
                        "-- rename_column(:orders, :price, :unit_price)"),
                healthyStable());
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertEquals(Severity.CRITICAL, f.evidence().get(0).severity());
    }

    @Test
    void aMigrationOfUnknownEffectIsInconclusive() throws Exception {
        Finding f = analyse(
                lines(
                        "2026-05-05T10:00:06Z INFO Migrating schema \"public\" to version \"44 - backfill order totals\"",
                        "2026-05-05T10:00:07Z INFO Successfully applied 1 migration to schema \"public\""),
                healthyStable());
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertEquals(Severity.WARNING, f.evidence().get(0).severity());
    }

    @Test
    void noMigrationMeansNothingToSay() throws Exception {
        Finding f = analyse(lines(SERVED.formatted(0, 10), SERVED.formatted(0, 20)), healthyStable());
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertEquals(0, f.confidence());
        assertEquals("no schema migration in the canary's logs", f.summary());
        assertTrue(f.evidence().isEmpty());
    }

    @Test
    void anUpToDateSchemaIsNoMigrationEither() throws Exception {
        Finding f = analyse(
                lines("2026-05-05T10:00:06Z INFO Schema \"public\" is up to date. No migration necessary."),
                healthyStable());
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertEquals(0, f.confidence());
        assertTrue(f.summary().startsWith("no schema migration in the canary's logs"), f.summary());
    }

    @Test
    void whatLeavesTheAgentIsRedacted() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        Finding f = checker.analyze(
                request(
                        lines(
                                "Executing SQL: ALTER TABLE accounts DROP COLUMN api_token -- requested by alice@example.com, password=hunter2"),
                        healthyStable()),
                progress::add);
        String json = Json.mapper().writeValueAsString(f);
        assertEquals(Decision.ROLLBACK, f.verdict());
        assertFalse(json.contains("alice@example.com") || json.contains("hunter2"), json);
        assertTrue(json.contains("<redacted:email>"), json);
        assertTrue(progress.stream().anyMatch(p -> p.contains("api_token")), progress::toString);
        assertTrue(
                progress.stream().noneMatch(p -> p.contains("alice@example.com") || p.contains("hunter2")),
                progress::toString);
    }

    @Test
    void anUnreachableMcpServerIsInconclusiveWithNotes() throws Exception {
        AnalysisRequest noInline = request(null, null);
        List<String> progress = new CopyOnWriteArrayList<>();
        Finding f = checker.analyze(noInline, progress::add);
        assertEquals(Decision.INCONCLUSIVE, f.verdict());
        assertEquals(0, f.confidence());
        assertEquals("could not read the canary's logs", f.summary());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("get_pod_logs")), f.notes()::toString);
        assertTrue(progress.contains("reading canary pods: checkout-7c9d6f5b4-rdqjc"), progress::toString);
    }

    @Test
    void evidenceIsOrderedStrongestFirst() throws Exception {
        Finding f = analyse(
                lines("-- add_column(:orders, :discount_code, :string)", "-- remove_column(:orders, :legacy_price)"),
                healthyStable());
        List<Severity> severities =
                f.evidence().stream().map(Evidence::severity).toList();
        assertEquals(List.of(Severity.CRITICAL, Severity.INFO), severities);
    }
}
