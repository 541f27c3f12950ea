package dev.canarycouncil.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data beside the project ({@code ../shared/data}), which tests may read but must not need:
 * a test that uses it skips when it is absent.
 */
public final class SharedData {

    private SharedData() {}

    /** The LogHub-2k directory, or null when it is not beside the project or any folder above. */
    public static Path loghub() {
        return find("loghub-2k", "settings.json");
    }

    /** The seed evaluation scenarios, or null when absent. */
    public static Path seedEval() {
        return find("seed-eval", "dataset.jsonl");
    }

    private static Path find(String name, String marker) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate.resolve(marker))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
