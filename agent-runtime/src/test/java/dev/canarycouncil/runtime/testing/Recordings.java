package dev.canarycouncil.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the bundled recorded rollouts from any module's test working directory. */
public final class Recordings {

    private Recordings() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("evals").resolve("recordings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "evals/recordings not found above " + Path.of("").toAbsolutePath());
    }

    /** A writable copy of a bundled recording under {@code parent}, for tests that break or change it. */
    public static Path copy(String name, Path parent) throws IOException {
        Path source = named(name);
        Path target = Files.createTempDirectory(parent, "copy").resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    public static Path named(String name) {
        Path dir = root().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no bundled recording " + name + " in " + root());
        }
        return dir;
    }
}
