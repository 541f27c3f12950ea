package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.testing.Recordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Every bundled recording copied without its metrics.om: the original plugin's logs-only setup. */
final class LogsOnlyRecordings {

    private LogsOnlyRecordings() {}

    static Path copyAll(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("logs-only"));
        try (Stream<Path> all = Files.list(Recordings.root())) {
            for (Path r : all.filter(Files::isDirectory).sorted().toList()) {
                Path copy = Recordings.copy(r.getFileName().toString(), tmp);
                Files.deleteIfExists(copy.resolve("metrics.om"));
                Files.move(copy, dir.resolve(r.getFileName()));
            }
        }
        return dir;
    }
}
