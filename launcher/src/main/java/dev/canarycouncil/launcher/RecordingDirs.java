package dev.canarycouncil.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code --recordings DIR}: one recording, or every recording directly inside a directory, in name order. */
final class RecordingDirs {

    private RecordingDirs() {}

    static List<Path> in(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new UsageException("--recordings " + path + " is not a directory");
        }
        if (Files.exists(path.resolve("rollout.json"))) {
            return List.of(path);
        }
        List<Path> dirs;
        try (Stream<Path> children = Files.list(path)) {
            dirs = children.filter(p -> Files.exists(p.resolve("rollout.json")))
                    .sorted()
                    .toList();
        }
        if (dirs.isEmpty()) {
            throw new UsageException("no recordings (directories with rollout.json) in " + path);
        }
        return dirs;
    }
}
