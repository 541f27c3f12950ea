package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.examples.migrationchecker.Migration.Outcome;
import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines grouped into migrations, each with its outcome and effect, merged over pods. */
class MigrationReaderTest {

    private final SchemaChangeClassifier classifier = new SchemaChangeClassifier();
    private final MigrationReader reader = new MigrationReader(new MigrationLineRecognizer(classifier), classifier);

    static ContainerLog log(String pod, String... lines) {
        return new ContainerLog(pod, "app", false, String.join("\n", lines) + "\n", lines.length, false);
    }

    private CanaryMigrations read(ContainerLog... logs) throws InterruptedException {
        return reader.read(Arrays.asList(logs));
    }

    @Test
    void flywayAppliesTwoMigrationsWithOneSuccessLine() throws Exception {
        CanaryMigrations found = read(
                log(
                        "canary-1",
                        "2026-05-05T10:00:06.100Z  INFO 1 --- [main] o.f.c.i.command.DbMigrate : Migrating schema \"public\" to version \"43 - add discount code\"",
                        "2026-05-05T10:00:06.120Z DEBUG 1 --- [main] o.f.c.i.s.DefaultSqlScriptExecutor : Executing SQL: ALTER TABLE orders ADD COLUMN discount_code varchar(32)",
                        "2026-05-05T10:00:06.200Z  INFO 1 --- [main] o.f.c.i.command.DbMigrate : Migrating schema \"public\" to version \"44 - retire legacy price\"",
                        "2026-05-05T10:00:06.220Z DEBUG 1 --- [main] o.f.c.i.s.DefaultSqlScriptExecutor : Executing SQL: ALTER TABLE orders DROP COLUMN legacy_price",
                        "2026-05-05T10:00:06.300Z  INFO 1 --- [main] o.f.c.i.command.DbMigrate : Successfully applied 2 migrations to schema \"public\", now at version v44"));
        List<Migration> m = found.migrations();
        assertEquals(2, m.size(), m::toString);
        assertEquals("43 - add discount code", m.get(0).description());
        assertEquals(Effect.ADDITIVE, m.get(0).effect());
        assertEquals("add column discount_code", m.get(0).describe(Effect.ADDITIVE));
        // Its description says nothing destructive; its statement does.
        assertEquals(Effect.DESTRUCTIVE, m.get(1).effect());
        assertEquals("drop column legacy_price", m.get(1).describe(Effect.DESTRUCTIVE));
        assertTrue(m.stream().allMatch(x -> x.outcome() == Outcome.SUCCEEDED), m::toString);
        assertEquals(Instant.parse("2026-05-05T10:00:06.200Z"), m.get(1).firstSeen());
        assertEquals(3, m.get(1).lines());
    }

    @Test
    void aFailureAndItsEchoesBelongToTheMigrationThatFailed() throws Exception {
        CanaryMigrations found = read(log(
                "canary-1",
                "2026-05-05T10:00:06.100Z  INFO 1 --- [main] o.f.c.i.command.DbMigrate : Migrating schema \"public\" to version \"42 - make currency required\"",
                "2026-05-05T10:00:06.150Z ERROR 1 --- [main] o.f.c.i.command.DbMigrate : Migration of schema \"public\" to version \"42 - make currency required\" failed! Changes successfully rolled back.",
                "2026-05-05T10:00:06.300Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed",
                "org.flywaydb.core.internal.command.DbMigrate$FlywayMigrateException: Migration V42__make_currency_required.sql failed",
                "-----------------------------------",
                "SQL State  : 23502",
                "Message    : ERROR: column \"currency\" of relation \"orders\" contains null values"));
        assertEquals(1, found.migrations().size(), found::toString);
        Migration m = found.migrations().get(0);
        assertEquals(Outcome.FAILED, m.outcome());
        assertFalse(m.applied());
        assertTrue(m.failure().contains("failed! Changes successfully rolled back"), m.failure());
        assertEquals(3, m.lines());
    }

    @Test
    void alembicNeverConfirmsSoItsMigrationsCountAsApplied() throws Exception {
        CanaryMigrations found = read(log(
                "canary-1",
                "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.",
                "INFO  [alembic.runtime.migration] Will assume transactional DDL.",
                "INFO  [alembic.runtime.migration] Running upgrade 3f2a9c1b7e44 -> 8d1e0b5a2c71, drop column legacy_price",
                "[2026-05-05 10:00:07 +0000] [1] [INFO] Starting gunicorn 22.0.0"));
        Migration m = found.migrations().get(0);
        assertEquals(MigrationTool.ALEMBIC, m.tool());
        assertEquals(Outcome.UNCONFIRMED, m.outcome());
        assertTrue(m.applied(Effect.DESTRUCTIVE), m::toString);
        assertNull(m.firstSeen(), "Alembic's lines carry no timestamp");
        assertTrue(m.concerns("legacy_price"));
    }

    @Test
    void railsMigrationsCarryTheirCalls() throws Exception {
        CanaryMigrations found = read(log(
                "canary-1",
                "== 20261101120000 RemoveLegacyPrice: migrating ================================",
                "-- remove_column(:orders, :legacy_price)",
                "   -> 0.0042s",
                "== 20261101120000 RemoveLegacyPrice: migrated (0.0043s) ======================="));
        Migration m = found.migrations().get(0);
        assertEquals(Outcome.SUCCEEDED, m.outcome());
        assertEquals("drop column legacy_price", m.describe(Effect.DESTRUCTIVE));
        assertEquals(
                List.of("legacy_price"),
                m.changes().stream()
                        .map(SchemaChange::identifier)
                        .filter(i -> i != null)
                        .toList());
    }

    @Test
    void liquibaseChangesetsAreReadWithTheirChangeMessages() throws Exception {
        CanaryMigrations found = read(
                log(
                        "canary-1",
                        "2026-05-05T10:00:06Z INFO 1 --- [main] liquibase.changelog : Running Changeset: db/changelog/043.yaml::43-discount-code::bob",
                        "2026-05-05T10:00:06Z INFO 1 --- [main] liquibase.changelog : Columns discount_code(varchar(32)) added to orders",
                        "2026-05-05T10:00:06Z INFO 1 --- [main] liquibase.changelog : ChangeSet db/changelog/043.yaml::43-discount-code::bob ran successfully in 14ms"));
        Migration m = found.migrations().get(0);
        assertEquals(MigrationTool.LIQUIBASE, m.tool());
        assertEquals(Outcome.SUCCEEDED, m.outcome());
        assertEquals(Effect.ADDITIVE, m.effect());
    }

    @Test
    void aLoneStatementIsAMigrationOfItsOwn() throws Exception {
        CanaryMigrations found = read(log(
                "canary-1",
                "2026-05-05T10:00:06Z  INFO 1 --- [main] o.h.e.t.j.p.i.JtaPlatformInitiator : HHH000489: No JTA platform available",
                "Hibernate: alter table orders drop column legacy_price"));
        Migration m = found.migrations().get(0);
        assertEquals(MigrationTool.SQL, m.tool());
        assertEquals(Outcome.UNCONFIRMED, m.outcome());
        assertEquals(Effect.DESTRUCTIVE, m.effect());
    }

    @Test
    void theSameMigrationOnSeveralPodsIsOneMigration() throws Exception {
        String start = "2026-05-05T10:00:0%dZ INFO Migrating schema \"public\" to version \"42 - drop legacy price\"";
        String done = "2026-05-05T10:00:0%dZ INFO Successfully applied 1 migration to schema \"public\"";
        CanaryMigrations found = read(
                log("canary-b", start.formatted(8), done.formatted(9)),
                log("canary-a", start.formatted(6), done.formatted(7)),
                log("canary-c", "2026-05-05T10:00:09Z INFO Schema \"public\" is up to date. No migration necessary."));
        assertEquals(1, found.migrations().size(), found::toString);
        Migration m = found.migrations().get(0);
        assertEquals(List.of("canary-b", "canary-a"), m.pods());
        assertEquals(Instant.parse("2026-05-05T10:00:06Z"), m.firstSeen());
        assertEquals(4, m.lines());
        assertTrue(found.schemaUpToDate());
    }

    @Test
    void aChecksumMismatchIsAnInvalidMigrationHistory() throws Exception {
        CanaryMigrations found = read(log(
                "canary-1",
                "2026-05-05T10:00:06Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed",
                "org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation",
                "Migration checksum mismatch for migration version 42"));
        Migration m = found.migrations().get(0);
        assertEquals(Outcome.INVALID, m.outcome());
        assertEquals("Migrations have failed validation", m.failure());
        assertEquals(2, m.lines());
    }

    @Test
    void logsWithoutMigrationsHaveNone() throws Exception {
        CanaryMigrations found = read(
                log(
                        "canary-1",
                        "2026-05-05T10:00:09Z INFO 1 --- [nio-8080-exec-3] c.e.checkout.web.RequestLogFilter : POST /api/checkout -> 200 in 22ms"));
        assertTrue(found.migrations().isEmpty());
        assertFalse(found.schemaUpToDate());
    }
}
