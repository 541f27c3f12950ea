package dev.canarycouncil.examples.migrationchecker;

import java.util.List;

/**
 * The migrations found in the canary's logs.
 *
 * @param schemaUpToDate  a migration tool ran and found nothing to apply
 */
public record CanaryMigrations(List<Migration> migrations, boolean schemaUpToDate) {

    public CanaryMigrations {
        migrations = List.copyOf(migrations);
    }
}
