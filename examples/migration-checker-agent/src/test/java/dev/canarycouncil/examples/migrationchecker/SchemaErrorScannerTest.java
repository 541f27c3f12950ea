package dev.canarycouncil.examples.migrationchecker;

import static dev.canarycouncil.examples.migrationchecker.MigrationReaderTest.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaErrorScannerTest {

    private final SchemaErrorScanner scanner = new SchemaErrorScanner();

    @Test
    void anErrorAndItsStackTraceAreOneFailure() throws Exception {
        List<SchemaError> errors = scanner.scan(List.of(log(
                "stable-1",
                "2026-05-05T10:01:00.000Z ERROR 1 --- [exec-1] c.e.OrderHistoryReader : read failed: org.postgresql.util.PSQLException: ERROR: column \"legacy_price\" does not exist",
                "  Position: 48",
                "org.postgresql.util.PSQLException: ERROR: column \"legacy_price\" does not exist",
                "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)",
                "2026-05-05T10:01:01.000Z  INFO 1 --- [exec-1] c.e.RequestLogFilter : GET /api/orders/1 -> 200 in 12ms",
                "2026-05-05T10:01:02.000Z ERROR 1 --- [exec-2] c.e.OrderHistoryReader : read failed",
                "org.postgresql.util.PSQLException: ERROR: column o.legacy_price does not exist")));
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(Instant.parse("2026-05-05T10:01:02Z"), errors.get(1).time());
        assertTrue(errors.stream()
                .allMatch(e -> e.identifier().equals("legacy_price") && e.pod().equals("stable-1")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ERROR: column \"legacy_price\" does not exist | legacy_price | missing column",
                "ERROR: column \"legacy_price\" of relation \"orders\" does not exist | legacy_price | missing column",
                "java.sql.SQLSyntaxErrorException: Unknown column 'o.legacy_price' in 'field list' | legacy_price | missing column",
                "sqlite3.OperationalError: no such column: orders.legacy_price | legacy_price | missing column",
                "Invalid column name 'legacy_price'. | legacy_price | missing column",
                "ORA-00904: \"LEGACY_PRICE\": invalid identifier | LEGACY_PRICE | missing column",
                "ERROR: relation \"order_archive\" does not exist | order_archive | missing table",
                "Table 'shop.order_archive' doesn't exist | order_archive | missing table",
                "ERROR: null value in column \"region\" of relation \"orders\" violates not-null constraint | region | not-null violation",
                "Field 'region' doesn't have a default value | region | not-null violation"
            })
    void eachDatabasesWordingNamesWhatIsMissing(String line, String identifier, String problem) throws Exception {
        List<SchemaError> errors = scanner.scan(List.of(log("stable-1", line)));
        assertEquals(1, errors.size(), line);
        assertEquals(identifier, errors.get(0).identifier());
        assertEquals(problem, errors.get(0).problem());
    }

    @Test
    void ordinaryLinesAreNotSchemaErrors() throws Exception {
        assertTrue(scanner.scan(
                        List.of(
                                log(
                                        "stable-1",
                                        "2026-05-05T10:01:00Z  INFO 1 --- [exec-1] c.e.RequestLogFilter : GET /api/orders/1 -> 200 in 12ms",
                                        "2026-05-05T10:01:01Z ERROR 1 --- [exec-1] c.e.PaymentClient : charge failed: context deadline exceeded")))
                .isEmpty());
    }
}
