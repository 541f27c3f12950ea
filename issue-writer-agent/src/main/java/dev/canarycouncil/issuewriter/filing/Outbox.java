package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts waiting for GitHub, one JSON file each ({@code <fingerprint>-<analysisId>.json}), written
 * atomically so a crash leaves either the old or the new file, never half of one. A draft enters
 * before the first attempt and leaves only once GitHub confirmed it, so a crash at any point loses
 * nothing; the filer's search-before-create makes the repeat that may follow harmless.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String SUFFIX = ".json";

    private final Path dir;

    public Outbox(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path fileOf(PendingIssue pending) {
        return dir.resolve(safe(pending.fingerprint()) + "-" + safe(pending.analysisId()) + SUFFIX);
    }

    public Path put(PendingIssue pending) throws IOException {
        Files.createDirectories(dir);
        Path target = fileOf(pending);
        Path tmp = Files.createTempFile(dir, ".pending-", ".tmp");
        try {
            Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(pending));
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    public Optional<PendingIssue> get(String fingerprint, String analysisId) {
        Path file = dir.resolve(safe(fingerprint) + "-" + safe(analysisId) + SUFFIX);
        return Files.isRegularFile(file) ? read(file) : Optional.empty();
    }

    /** Every waiting draft, oldest first. A file that cannot be read is set aside, not deleted. */
    public List<PendingIssue> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PendingIssue> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .toList()) {
                read(file).ifPresent(all::add);
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the issue outbox {}: {}", dir, e.getMessage());
        }
        all.sort(Comparator.comparing(PendingIssue::queuedAt));
        return all;
    }

    public void remove(PendingIssue pending) throws IOException {
        Files.deleteIfExists(fileOf(pending));
    }

    private Optional<PendingIssue> read(Path file) {
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), PendingIssue.class));
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn(
                    "Issue outbox file {} is unreadable ({}); moved to {} for a person to look at",
                    file,
                    e.getClass().getSimpleName(),
                    aside.getFileName());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return Optional.empty();
        }
    }

    private static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
