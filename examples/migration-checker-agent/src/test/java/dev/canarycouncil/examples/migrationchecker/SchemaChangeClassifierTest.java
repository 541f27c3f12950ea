package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the old version, still running against the same database, survives. */
class SchemaChangeClassifierTest {

    private final SchemaChangeClassifier classifier = new SchemaChangeClassifier();

    private SchemaChange statement(String text) {
        return classifier.statement(text).orElseThrow(() -> new AssertionError("no schema change read from: " + text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ALTER TABLE orders DROP COLUMN legacy_price | drop column | legacy_price",
                "alter table public.orders drop column if exists \"legacy_price\"; | drop column | legacy_price",
                "ALTER TABLE `orders` DROP `legacy_price` | drop column | legacy_price",
                "ALTER TABLE orders RENAME COLUMN price TO unit_price | rename column | price",
                "ALTER TABLE orders RENAME TO purchase_orders | rename table | orders",
                "RENAME TABLE orders TO purchase_orders | rename table | orders",
                "ALTER TABLE orders ALTER COLUMN currency SET NOT NULL | set not null | currency",
                "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2) | change column type | total",
                "ALTER TABLE orders ALTER COLUMN total SET DATA TYPE bigint | change column type | total",
                "ALTER TABLE orders MODIFY COLUMN total decimal(12,2) | change column type | total",
                "ALTER TABLE orders ADD COLUMN region varchar(8) NOT NULL | add not-null column without default | region",
                "ALTER TABLE orders ADD COLUMN total numeric(10,2) NOT NULL | add not-null column without default | total",
                "ALTER TABLE orders ADD COLUMN note text, DROP COLUMN legacy_price | drop column | legacy_price",
                "DROP TABLE IF EXISTS order_archive | drop table | order_archive",
                "-- rename_column(:orders, :price, :unit_price) | rename column | price",
                "-- change_column_null(:orders, :currency, false) | set not null | currency",
                "-- change_column(:orders, :total, :decimal) | change column type | total",
                "-- add_column(:orders, :region, :string, null: false) | add not-null column without default | region",
                "-- drop_table(:order_archive) | drop table | order_archive",
                "Column orders.price renamed to unit_price | rename column | price",
                "Null constraint has been added to orders.currency | set not null | currency",
                "Table order_archive dropped | drop table | order_archive"
            })
    void destructiveChangesAreRecognisedWithWhatTheyTouch(String text, String action, String identifier) {
        SchemaChange c = statement(text);
        assertEquals(Effect.DESTRUCTIVE, c.effect(), text);
        assertEquals(action, c.action(), text);
        assertEquals(identifier, c.identifier(), text);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ALTER TABLE orders ADD COLUMN discount_code varchar(32) | add column | discount_code",
                "ALTER TABLE orders ADD COLUMN region varchar(8) NOT NULL DEFAULT 'eu' | add column | region",
                "ALTER TABLE orders ADD COLUMN IF NOT EXISTS discount_code text | add column | discount_code",
                "CREATE TABLE IF NOT EXISTS coupons (id bigint primary key, code text not null) | create table | coupons",
                "CREATE INDEX CONCURRENTLY idx_orders_created ON orders (created_at) | create index | idx_orders_created",
                "CREATE UNIQUE INDEX ux_coupons_code ON coupons (code) | create index | ux_coupons_code",
                "-- add_column(:orders, :discount_code, :string) | add column | discount_code",
                "-- add_column(:orders, :region, :string, null: false, default: \"eu\") | add column | region",
                "-- create_table(:coupons) | create table | coupons",
                "-- add_index(:orders, :created_at) | create index | orders",
                "Table coupons created | create table | coupons",
                "Index idx_orders_created created | create index | idx_orders_created"
            })
    void additiveChangesAreRecognised(String text, String action, String identifier) {
        SchemaChange c = statement(text);
        assertEquals(Effect.ADDITIVE, c.effect(), text);
        assertEquals(action, c.action(), text);
        assertEquals(identifier, c.identifier(), text);
    }

    @Test
    void relaxingAColumnIsNotReadAsDroppingIt() {
        classifier
                .statement("ALTER TABLE orders ALTER COLUMN note DROP NOT NULL")
                .ifPresent(c -> assertNotEquals(Effect.DESTRUCTIVE, c.effect(), c.toString()));
        classifier
                .statement("ALTER TABLE orders ALTER COLUMN note DROP DEFAULT")
                .ifPresent(c -> assertNotEquals("drop column", c.action(), c.toString()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "42 - drop legacy price column | DESTRUCTIVE",
                "20261101120000 RemoveLegacyPrice | DESTRUCTIVE",
                "RenameTotalToAmount | DESTRUCTIVE",
                "make customer email not null | DESTRUCTIVE",
                "db/changelog/042-drop-legacy-price.yaml::42::alice | DESTRUCTIVE",
                "43 - add discount code | ADDITIVE",
                "AddDiscountCodeToOrders | ADDITIVE",
                "44 - backfill order totals | UNKNOWN",
                "dropoff window refresh | UNKNOWN"
            })
    void descriptionsAreReadWordByWord(String description, Effect effect) {
        assertEquals(
                effect,
                classifier.description(MigrationTool.FLYWAY, description).effect(),
                description);
    }
}
