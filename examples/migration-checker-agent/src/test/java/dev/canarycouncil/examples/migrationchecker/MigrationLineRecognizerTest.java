package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.examples.migrationchecker.MigrationLine.Signal;
import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each tool's own wording, as it appears in real application logs. */
class MigrationLineRecognizerTest {

    private final MigrationLineRecognizer recognizer = new MigrationLineRecognizer(new SchemaChangeClassifier());

    private MigrationLine recognise(String line) {
        return recognizer.recognise(line).orElseThrow(() -> new AssertionError("not recognised: " + line));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // Flyway 9+ inside a Spring Boot log line, and the older backtick style
                "2026-05-05T10:00:06.405Z  INFO 1 --- [           main] o.f.core.internal.command.DbMigrate      : Migrating schema \"public\" to version \"42 - drop legacy price\" | FLYWAY | STARTED | 42 - drop legacy price",
                "Migrating schema `public` to version 42 - drop legacy price | FLYWAY | STARTED | 42 - drop legacy price",
                "Migrating schema \"public\" with repeatable migration \"refresh order views\" | FLYWAY | STARTED | refresh order views",
                "Migration of schema \"public\" to version \"42 - drop legacy price\" failed! Changes successfully rolled back. | FLYWAY | FAILED | 42 - drop legacy price",
                "org.flywaydb.core.internal.command.DbMigrate$FlywayMigrateException: Migration V42__drop_legacy_price.sql failed | FLYWAY | FAILED | V42__drop_legacy_price.sql",
                "Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation | FLYWAY | INVALID | Migrations have failed validation",
                "Migration checksum mismatch for migration version 42 | FLYWAY | INVALID | Migration checksum mismatch for migration version 42",
                "Detected resolved migration not applied to database: 43. | FLYWAY | INVALID | Detected resolved migration not applied to database: 43.",
                // Liquibase
                "2026-05-05T10:00:06Z INFO 1 --- [main] liquibase.changelog : Running Changeset: db/changelog/042-drop-legacy-price.yaml::42::alice | LIQUIBASE | STARTED | db/changelog/042-drop-legacy-price.yaml::42::alice",
                "ChangeSet db/changelog/042-drop-legacy-price.yaml::42::alice ran successfully in 23ms | LIQUIBASE | SUCCEEDED | ChangeSet db/changelog/042-drop-legacy-price.yaml::42::alice ran successfully",
                "ERROR: Liquibase command 'update' failed | LIQUIBASE | FAILED | Liquibase command 'update' failed",
                "liquibase.exception.MigrationFailedException: Migration failed for changeset db/changelog/042.yaml::42::alice: | LIQUIBASE | FAILED | db/changelog/042.yaml::42::alice:",
                // Alembic
                "INFO  [alembic.runtime.migration] Running upgrade 3f2a9c1b7e44 -> 8d1e0b5a2c71, drop column legacy_price | ALEMBIC | STARTED | upgrade 3f2a9c1b7e44 -> 8d1e0b5a2c71, drop column legacy_price",
                "alembic.util.exc.CommandError: Can't locate revision identified by '8d1e0b5a2c71' | ALEMBIC | FAILED | Can't locate revision identified by '8d1e0b5a2c71'",
                // Rails / ActiveRecord
                "== 20261101120000 RemoveLegacyPrice: migrating ================================ | RAILS | STARTED | 20261101120000 RemoveLegacyPrice",
                "== 20261101120000 RemoveLegacyPrice: migrated (0.0043s) ======================= | RAILS | SUCCEEDED | == 20261101120000 RemoveLegacyPrice: migrated",
                "StandardError: An error has occurred, this and all later migrations canceled: | RAILS | FAILED | An error has occurred, this and all later migrations canceled",
                "ActiveRecord::PendingMigrationError: Migrations are pending. To resolve this issue, run: bin/rails db:migrate | RAILS | INVALID | ActiveRecord::PendingMigrationError"
            })
    void recognisesEachToolsLines(String line, MigrationTool tool, Signal signal, String detail) {
        MigrationLine l = recognise(line);
        assertEquals(tool, l.tool(), line);
        assertEquals(signal, l.signal(), line);
        assertEquals(detail, l.detail(), line);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-05-05T10:00:06.431Z DEBUG 1 --- [main] o.f.c.i.s.DefaultSqlScriptExecutor : Executing SQL: ALTER TABLE orders DROP COLUMN legacy_price | SQL | DESTRUCTIVE | legacy_price",
                "ALTER TABLE orders ADD COLUMN discount_code varchar(32); | SQL | ADDITIVE | discount_code",
                "Hibernate: alter table orders add column discount_code varchar(255) | SQL | ADDITIVE | discount_code",
                "-- remove_column(:orders, :legacy_price) | RAILS | DESTRUCTIVE | legacy_price",
                "-- add_column(:orders, :discount_code, :string) | RAILS | ADDITIVE | discount_code",
                "INFO 1 --- [main] liquibase.changelog : Column orders.legacy_price dropped | LIQUIBASE | DESTRUCTIVE | legacy_price",
                "INFO 1 --- [main] liquibase.changelog : Columns discount_code(varchar(32)) added to orders | LIQUIBASE | ADDITIVE | discount_code"
            })
    void linesThatStateASchemaChangeCarryIt(String line, MigrationTool tool, Effect effect, String identifier) {
        MigrationLine l = recognise(line);
        assertEquals(Signal.CHANGE, l.signal());
        assertEquals(tool, l.tool());
        assertEquals(effect, l.change().effect());
        assertEquals(identifier, l.change().identifier());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-05-05T10:00:09.233Z  INFO 1 --- [nio-8080-exec-3] c.e.checkout.web.RequestLogFilter        : GET /api/orders/86394 -> 200 in 32ms",
                "2026-05-05T10:00:06.362Z  INFO 1 --- [main] o.f.core.internal.command.DbValidate : Successfully validated 42 migrations (execution time 00:00.041s)",
                "2026-05-05T10:01:00Z  WARN 1 --- [nio-8080-exec-1] .w.s.m.s.DefaultHandlerExceptionResolver : Validation failed for argument [0] in public ResponseEntity<Order> placeOrder(OrderForm)",
                "org.postgresql.util.PSQLException: ERROR: column \"legacy_price\" does not exist",
                "select o.id, o.legacy_price from orders o where o.id=?",
                "time=\"2026-05-05T10:00:09Z\" level=info msg=\"migration of user preferences to the new page layout done\"",
                "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0)"
            })
    void ordinaryLinesAreNotMigrations(String line) {
        assertTrue(recognizer.recognise(line).isEmpty(), line);
    }

    @Test
    void upToDateSchemasAreRecognisedForEachTool() {
        assertEquals(
                Signal.UP_TO_DATE,
                recognise("Schema \"public\" is up to date. No migration necessary.")
                        .signal());
        assertEquals(
                Signal.UP_TO_DATE,
                recognise("Database is up to date, no changesets to execute").signal());
    }
}
