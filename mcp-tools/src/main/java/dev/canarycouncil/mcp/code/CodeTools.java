package dev.canarycouncil.mcp.code;

import dev.canarycouncil.mcp.tool.ToolArguments;
import dev.canarycouncil.mcp.tool.ToolSpecs;
import dev.canarycouncil.mcp.tool.ToolSpecs.Param;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Code search and file reading in the service's repository, or another one the configuration allows. */
public final class CodeTools {

    private static final Param REPOSITORY = Param.optional(
            "repository",
            "string",
            "owner/name of another repository the configuration allows; the configured one when omitted");
    private static final Param BRANCH =
            Param.optional("branch", "string", "branch to read at; the configured one when omitted");

    private final CodeSources code;

    public CodeTools(CodeSources code) {
        this.code = code;
    }

    public List<SyncToolSpecification> specifications() {
        return List.of(search(), read());
    }

    private SyncToolSpecification search() {
        return ToolSpecs.readOnly(
                "search_code",
                "Find lines of the service's source code containing a literal text (case-insensitive), e.g. a function name, an error message or a file name.",
                List.of(
                        Param.required("query", "string", "literal text to find"),
                        Param.optional("path", "string", "only files whose path contains this text"),
                        Param.optional("maxResults", "integer", "at most this many hits (default 20)"),
                        REPOSITORY,
                        BRANCH),
                args -> {
                    Integer max = args.optionalInt("maxResults", 1, 500);
                    return Map.of(
                            "hits",
                            backend(args)
                                    .search(
                                            args.requiredString("query"),
                                            args.optionalString("path"),
                                            max == null ? 20 : max));
                });
    }

    private SyncToolSpecification read() {
        return ToolSpecs.readOnly(
                "read_file",
                "Read lines of a source file of the service's repository (1-based, inclusive).",
                List.of(
                        Param.required("path", "string", "path inside the repository"),
                        Param.optional("startLine", "integer", "first line (default 1)"),
                        Param.optional("endLine", "integer", "last line (default startLine + 199)"),
                        REPOSITORY,
                        BRANCH),
                args -> {
                    Integer start = args.optionalInt("startLine", 1, Integer.MAX_VALUE);
                    int from = start == null ? 1 : start;
                    Integer end = args.optionalInt("endLine", 1, Integer.MAX_VALUE);
                    return backend(args).read(args.requiredString("path"), from, end == null ? from + 199 : end);
                });
    }

    private CodeBackend backend(ToolArguments args) {
        return code.of(
                Objects.toString(args.optionalString("repository"), ""),
                Objects.toString(args.optionalString("branch"), ""));
    }
}
