package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.examples.migrationchecker.Migration.Outcome;
import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the stable's errors about what the migration changed, and only after it ran, are its doing. */
class StableBreakageTest {

    private static final Instant MIGRATED = Instant.parse("2026-05-05T10:00:06Z");

    private static Migration migration(String description, SchemaChange... changes) {
        return new Migration(
                MigrationTool.FLYWAY,
                description,
                List.of(changes),
                Outcome.SUCCEEDED,
                null,
                MIGRATED,
                List.of("canary-1"),
                3,
                List.of("Migrating schema \"public\" to version \"" + description + "\""));
    }

    private static SchemaError error(String at, String column) {
        return new SchemaError(
                "stable-1",
                Instant.parse(at),
                column,
                "missing column",
                "ERROR: column \"" + column + "\" does not exist");
    }

    private static final Migration DROP = migration(
            "42 - cleanup",
            new SchemaChange(
                    Effect.DESTRUCTIVE,
                    "drop column",
                    "legacy_price",
                    MigrationTool.SQL,
                    "ALTER TABLE orders DROP COLUMN legacy_price"));

    @Test
    void errorsAfterTheMigrationNamingItsColumnAreABreakage() {
        StableBreakage b = StableBreakage.find(
                        DROP,
                        List.of(
                                error("2026-05-05T10:01:00Z", "legacy_price"),
                                error("2026-05-05T10:02:00Z", "legacy_price"),
                                error("2026-05-05T10:03:00Z", "other_column")),
                        List.of())
                .orElseThrow();
        assertEquals(2, b.stableErrors());
        assertEquals("legacy_price", b.identifier());
        assertEquals(Instant.parse("2026-05-05T10:01:00Z"), b.firstSeen());
        assertEquals(0, b.canaryErrors());
    }

    @Test
    void errorsThatPredateTheMigrationAreNotItsDoing() {
        assertTrue(StableBreakage.find(
                        DROP,
                        List.of(
                                error("2026-05-05T09:59:30Z", "legacy_price"),
                                error("2026-05-05T10:01:00Z", "legacy_price")),
                        List.of())
                .isEmpty());
    }

    @Test
    void errorsAboutOtherColumnsAreNotItsDoing() {
        assertTrue(StableBreakage.find(DROP, List.of(error("2026-05-05T10:01:00Z", "discount_code")), List.of())
                .isEmpty());
    }

    @Test
    void aDescriptionAloneTiesAnErrorToTheMigrationWordByWord() {
        Migration described = migration(
                "20261101120000 RemoveLegacyPrice",
                new SchemaChange(
                        Effect.DESTRUCTIVE, "drop", null, MigrationTool.RAILS, "20261101120000 RemoveLegacyPrice"));
        assertTrue(StableBreakage.find(described, List.of(error("2026-05-05T10:01:00Z", "legacy_price")), List.of())
                .isPresent());
        assertTrue(StableBreakage.find(described, List.of(error("2026-05-05T10:01:00Z", "list_price")), List.of())
                .isEmpty());
    }
}
