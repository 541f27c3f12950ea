package dev.canarycouncil.examples.migrationchecker;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stable version failing on what a canary migration changed: schema errors naming what the
 * migration touched, which the stable logged after the migration ran and never before it.
 *
 * @param identifier     the column or table named most often
 * @param stableErrors   the stable's errors about it after the migration
 * @param canaryErrors   the canary's errors about it, for comparison
 * @param firstSeen      the first such stable error, or null without timestamps
 * @param samples        up to three of the stable's error lines
 */
public record StableBreakage(
        Migration migration,
        String identifier,
        String problem,
        long stableErrors,
        long canaryErrors,
        Instant firstSeen,
        List<String> pods,
        List<String> samples) {

    public StableBreakage {
        pods = List.copyOf(pods);
        samples = List.copyOf(samples);
    }

    /**
     * @return empty unless the stable logged such errors after the migration and none before it
     *         (errors that predate the migration are not its doing)
     */
    public static Optional<StableBreakage> find(
            Migration migration, List<SchemaError> stable, List<SchemaError> canary) {
        List<SchemaError> related =
                stable.stream().filter(e -> migration.concerns(e.identifier())).toList();
        boolean before = related.stream().anyMatch(e -> isBefore(e, migration));
        List<SchemaError> after =
                related.stream().filter(e -> !isBefore(e, migration)).toList();
        if (before || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byName =
                after.stream().collect(Collectors.groupingBy(SchemaError::identifier, Collectors.counting()));
        String identifier = byName.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        SchemaError first = after.stream()
                .filter(e -> e.identifier().equals(identifier))
                .findFirst()
                .orElseThrow();
        long canaryErrors = canary.stream()
                .filter(e -> e.identifier().equalsIgnoreCase(identifier))
                .count();
        Instant firstSeen = after.stream()
                .map(SchemaError::time)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        List<String> pods = after.stream().map(SchemaError::pod).distinct().toList();
        List<String> samples = after.stream()
                .map(SchemaError::line)
                .distinct()
                .limit(Migration.MAX_SAMPLES)
                .toList();
        return Optional.of(new StableBreakage(
                migration, identifier, first.problem(), after.size(), canaryErrors, firstSeen, pods, samples));
    }

    private static boolean isBefore(SchemaError e, Migration m) {
        return e.time() != null && m.firstSeen() != null && e.time().isBefore(m.firstSeen());
    }
}
