package dev.canarycouncil.issuewriter;

import dev.canarycouncil.runtime.schema.IssueDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps issue drafts as Markdown files, one per fingerprint, written atomically. */
public final class DraftFolder {

    private final Path dir;

    public DraftFolder(Path dir) {
        this.dir = dir;
    }

    public Path write(IssueDraft draft, String analysisId) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(draft.fingerprint() + "-" + analysisId + ".md");
        Path tmp = Files.createTempFile(dir, ".draft-", ".md");
        Files.writeString(
                tmp, "# " + draft.title() + "\n\nLabels: " + String.join(", ", draft.labels()) + "\n\n" + draft.body());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
