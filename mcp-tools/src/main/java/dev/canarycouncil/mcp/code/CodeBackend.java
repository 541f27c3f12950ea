package dev.canarycouncil.mcp.code;

import java.util.List;

/** Read-only access to the service's source code. */
public interface CodeBackend {

    /**
     * Lines containing {@code query} (case-insensitive, literal).
     *
     * @param pathFilter only files whose path contains this text, or null
     */
    List<CodeHit> search(String query, String pathFilter, int maxResults);

    /** Lines of one file; {@code endLine} past the end of the file is cut to the end. */
    FileSlice read(String path, int startLine, int endLine);
}
