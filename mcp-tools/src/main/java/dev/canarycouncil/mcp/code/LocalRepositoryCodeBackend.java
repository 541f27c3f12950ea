package dev.canarycouncil.mcp.code;

import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Code search and file reading in a directory: a local checkout or a recording's {@code repo/}.
 * Paths never escape the root; binary and very large files are skipped.
 */
public final class LocalRepositoryCodeBackend implements CodeBackend {

    private static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private final Path root;

    public LocalRepositoryCodeBackend(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public List<CodeHit> search(String query, String pathFilter, int maxResults) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<CodeHit> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith(".git/")
                        || (pathFilter != null && !relative.contains(pathFilter))
                        || Files.size(file) > MAX_FILE_BYTES) {
                    continue;
                }
                SourceLines.collectHits(relative, textLines(file), needle, maxResults, hits);
                if (hits.size() >= maxResults) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new ToolException(Kind.INTERNAL, "cannot search " + root + ": " + e.getMessage(), e);
        }
        return hits;
    }

    @Override
    public FileSlice read(String path, int startLine, int endLine) {
        Path file = inside(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolException(Kind.NOT_FOUND, "no file " + path + " in the repository");
        }
        if (endLine < startLine) {
            throw new ToolException(Kind.INVALID_ARGUMENT, "endLine " + endLine + " is before startLine " + startLine);
        }
        List<String> lines;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ToolException(Kind.UNSUPPORTED, path + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            lines = textLines(file);
        } catch (IOException e) {
            throw new ToolException(Kind.INTERNAL, "cannot read " + path + ": " + e.getMessage(), e);
        }
        return SourceLines.slice(root.relativize(file).toString().replace('\\', '/'), lines, startLine, endLine);
    }

    private Path inside(String path) {
        Path resolved =
                root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        if (!resolved.startsWith(root)) {
            throw new ToolException(Kind.INVALID_ARGUMENT, "path " + path + " is outside the repository");
        }
        return resolved;
    }

    private static List<String> textLines(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return SourceLines.read(new InputStreamReader(Files.newInputStream(file), decoder));
    }
}
