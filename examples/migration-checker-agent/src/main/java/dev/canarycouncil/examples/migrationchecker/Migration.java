package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.examples.migrationchecker.SchemaChange.Effect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One schema migration the canary ran, as its logs tell it, merged over the canary's pods.
 *
 * @param description  the migration's name as its tool prints it, or the statement for a lone DDL line
 * @param changes      what it changes: read from its statements and from its description
 * @param failure      what the tool said went wrong, for {@link Outcome#FAILED} and {@link Outcome#INVALID}
 * @param firstSeen    the earliest timestamp of its lines, or null when they carry none
 * @param pods         the pods whose logs show it
 * @param lines        how many log lines belong to it
 * @param samples      up to three of those lines
 */
public record Migration(
        MigrationTool tool,
        String description,
        List<SchemaChange> changes,
        Outcome outcome,
        String failure,
        Instant firstSeen,
        List<String> pods,
        long lines,
        List<String> samples) {

    static final int MAX_SAMPLES = 3;

    /** How it ended, in rising order of concern: merging keeps the worst. */
    public enum Outcome {
        /** Started and never reported done, as Alembic and lone statements always are: treated as applied. */
        UNCONFIRMED,
        SUCCEEDED,
        /** The tool refused to run: pending migrations, a checksum mismatch. */
        INVALID,
        FAILED
    }

    public Migration {
        changes = List.copyOf(changes);
        pods = List.copyOf(pods);
        samples = List.copyOf(samples);
    }

    /** Destructive when any of its changes is, additive when what is known is additive, otherwise unknown. */
    public Effect effect() {
        if (changes.stream().anyMatch(c -> c.effect() == Effect.DESTRUCTIVE)) {
            return Effect.DESTRUCTIVE;
        }
        return changes.stream().anyMatch(c -> c.effect() == Effect.ADDITIVE) ? Effect.ADDITIVE : Effect.UNKNOWN;
    }

    /** Ran to the end, or as far as the logs show: the schema now has its changes. */
    public boolean applied() {
        return outcome == Outcome.SUCCEEDED || outcome == Outcome.UNCONFIRMED;
    }

    /** Applied, and its effect is {@code effect}. */
    public boolean applied(Effect effect) {
        return applied() && effect() == effect;
    }

    /**
     * Its changes of the given effect, e.g. {@code drop column legacy_price}; the bare action read from
     * its description ({@code drop}) only when no statement names what changed.
     */
    public String describe(Effect effect) {
        List<SchemaChange> matching =
                changes.stream().filter(c -> c.effect() == effect).toList();
        boolean named = matching.stream().anyMatch(c -> c.identifier() != null);
        return matching.stream()
                .filter(c -> !named || c.identifier() != null)
                .map(SchemaChange::describe)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /**
     * Whether a column or table named in an SQL error is one this migration touched: named by one
     * of its statements, or made of words all found in its description (a Flyway description
     * "drop legacy price column" and a Rails class RemoveLegacyPrice both concern legacy_price).
     */
    public boolean concerns(String identifier) {
        String name = identifier.substring(identifier.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (SchemaChange c : changes) {
            if (c.identifier() != null
                    && c.identifier().toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        List<String> parts = Words.of(name);
        Set<String> words = new HashSet<>(Words.of(description));
        changes.forEach(c -> words.addAll(Words.of(c.text())));
        return !parts.isEmpty() && words.containsAll(parts);
    }

    /** The same migration seen in another pod's logs. */
    Migration merge(Migration other) {
        List<String> allPods = new ArrayList<>(new LinkedHashSet<>(concat(pods, other.pods)));
        List<String> allSamples = concat(samples, other.samples).stream()
                .distinct()
                .limit(MAX_SAMPLES)
                .toList();
        Set<SchemaChange> allChanges = new LinkedHashSet<>(concat(changes, other.changes));
        Outcome worst = outcome.compareTo(other.outcome) >= 0 ? outcome : other.outcome;
        String why = outcome.compareTo(other.outcome) >= 0 ? failure : other.failure;
        Instant first = firstSeen == null
                ? other.firstSeen
                : other.firstSeen == null || firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen;
        return new Migration(
                tool,
                description,
                new ArrayList<>(allChanges),
                worst,
                why,
                first,
                allPods,
                lines + other.lines,
                allSamples);
    }

    /** What identifies a migration across pods. */
    String key() {
        return tool + ":" + Words.normalised(description);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
