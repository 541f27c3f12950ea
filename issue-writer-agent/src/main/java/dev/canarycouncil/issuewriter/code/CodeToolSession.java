package dev.canarycouncil.issuewriter.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.ToolCallException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP code tools ({@code search_code}, {@code read_file}) for one lookup. A miss (no such file,
 * line out of range) is an answer; any other failure (no code backend, server down, rate limited)
 * ends the lookup with a note, so one broken backend costs one call, not one per clue.
 */
final class CodeToolSession {

    /** A line of code found by a search. */
    record Hit(String path, int line, String text) {}

    /** Lines read from a file, and a link to them when the backend has one. */
    record Slice(String path, int startLine, List<String> lines, String url) {}

    private final McpToolClient tools;
    private final Map<String, String> repository;
    private final long deadline;
    private final Duration budget;
    private final List<String> notes = new ArrayList<>();
    private boolean stopped;

    /**
     * @param budget     time for the whole lookup: the caller (the orchestrator) waits for the issue
     * @param repository {@code repository} and {@code branch} arguments for every call, empty for the configured repository
     */
    CodeToolSession(McpToolClient tools, Duration budget, Map<String, String> repository) {
        this.tools = tools;
        this.repository = Map.copyOf(repository);
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    List<Hit> search(String query, String path, int maxResults) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("query", query);
        if (path != null) {
            args.put("path", path);
        }
        args.put("maxResults", maxResults);
        JsonNode answer = call("search_code", args);
        List<Hit> hits = new ArrayList<>();
        if (answer != null) {
            for (JsonNode h : answer.path("hits")) {
                if (h.hasNonNull("path") && h.path("line").asInt() > 0) {
                    hits.add(new Hit(
                            h.get("path").asText(),
                            h.get("line").asInt(),
                            h.path("text").asText("")));
                }
            }
        }
        return hits;
    }

    /** Lines {@code start..end} of a file, or null when there is no such file or line. */
    Slice read(String path, int start, int end) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("path", path);
        args.put("startLine", start);
        args.put("endLine", end);
        JsonNode answer = call("read_file", args);
        if (answer == null || !answer.has("text")) {
            return null;
        }
        String text = answer.get("text").asText();
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && text.endsWith("\n")) {
            lines = lines.subList(0, lines.size() - 1);
        }
        String url = firstText(answer, "htmlUrl", "html_url", "url");
        return new Slice(
                answer.path("path").asText(path), answer.path("startLine").asInt(start), lines, url);
    }

    boolean stopped() {
        return stopped;
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private JsonNode call(String tool, Map<String, Object> args) {
        if (stopped) {
            return null;
        }
        if (System.nanoTime() > deadline) {
            stopped = true;
            notes.add("Suspect code lookup stopped after " + budget.toSeconds()
                    + " s; the code quoted is what was found by then.");
            return null;
        }
        try {
            Map<String, Object> all = new LinkedHashMap<>(args);
            all.putAll(repository);
            return tools.call(tool, all);
        } catch (ToolCallException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("[not-found]") || message.contains("[invalid-argument]")) {
                return null;
            }
            stopped = true;
            notes.add("Suspect code was not looked up: " + message);
            return null;
        } catch (RuntimeException e) {
            stopped = true;
            notes.add("Suspect code was not looked up: " + tool + " answered something unreadable ("
                    + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.hasNonNull(f) && !node.get(f).asText().isBlank()) {
                return node.get(f).asText();
            }
        }
        return null;
    }
}
