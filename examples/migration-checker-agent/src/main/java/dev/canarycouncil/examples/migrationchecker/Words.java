package dev.canarycouncil.examples.migrationchecker;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits names the way migration tools write them ({@code RemoveLegacyPrice},
 * {@code 042-drop-legacy-price}, {@code legacy_price}) into lower-case words, so a Rails class name,
 * a Flyway description and a column named in an SQL error can be compared word by word.
 */
public final class Words {

    private Words() {}

    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ");
        return Arrays.stream(spaced.toLowerCase(Locale.ROOT).trim().split(" +"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** The words joined by single spaces, for matching phrases such as {@code not null}. */
    public static String normalised(String text) {
        return String.join(" ", of(text));
    }
}
