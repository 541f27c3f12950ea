package dev.canarycouncil.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the bundled recorded rollouts from any module's test working directory. */
public final class Recordings {

    private Recordings() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("evals").resolve("recordings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("evals/recordings not found above " + Path.of("").toAbsolutePath());
    }

    public static Path named(String name) {
        Path dir = root().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no bundled recording " + name + " in " + root());
        }
        return dir;
    }
}
