package dev.canarycouncil.examples.migrationchecker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.ToolCallException;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads both sides' pod logs through the MCP tools the log analyst uses ({@code get_pod_status},
 * {@code get_pod_logs}). Logs sent in the request replace fetched ones. A failing tool call
 * becomes a note, never an exception, so what could be read is still judged.
 */
public final class LogFetcher {

    /** More pods than this per side add cost but little evidence. */
    static final int MAX_PODS_PER_SIDE = 10;
    /**
     * Migrations run at start-up, at the head of the canary's log, while the tool keeps the newest
     * lines when it cuts: the canary gets a larger budget than the default 4 MiB.
     */
    static final int CANARY_LIMIT_BYTES = 16 * 1024 * 1024;

    private final McpToolClient tools;

    public LogFetcher(McpToolClient tools) {
        this.tools = tools;
    }

    public FetchedLogs fetch(AnalysisRequest request, Progress progress) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        String inlineCanary = request.hasInlineLogs() ? request.inlineLogs().canary() : null;
        String inlineStable = request.hasInlineLogs() ? request.inlineLogs().stable() : null;
        List<ContainerLog> canary = side("canary", request, request.canary(), inlineCanary, progress, notes);
        List<ContainerLog> stable = side("stable", request, request.stable(), inlineStable, progress, notes);
        return new FetchedLogs(canary, stable, notes);
    }

    private List<ContainerLog> side(
            String side, AnalysisRequest request, PodGroup group, String inline, Progress progress, List<String> notes)
            throws InterruptedException {
        if (inline != null && !inline.isBlank()) {
            progress.report("reading " + side + " logs sent in the request");
            return List.of(new ContainerLog(
                    side + " (sent in the request)",
                    null,
                    false,
                    inline,
                    (int) inline.lines().count(),
                    false));
        }
        List<String> pods = group.pods();
        if (pods.size() > MAX_PODS_PER_SIDE) {
            notes.add("read " + MAX_PODS_PER_SIDE + " of " + pods.size() + " " + side + " pods");
            pods = pods.subList(0, MAX_PODS_PER_SIDE);
        }
        progress.report("reading " + side + " pods: " + (pods.isEmpty() ? "none found" : String.join(", ", pods)));
        boolean canary = side.equals("canary");
        List<ContainerLog> logs = new ArrayList<>();
        for (String pod : pods) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("namespace", request.namespace());
            args.put("pod", pod);
            if (canary) {
                // No "since" for the canary: its pods live only as long as the rollout, and the lines
                // Alembic and Rails print before the first timestamped line would not survive the filter.
                args.put("limitBytes", CANARY_LIMIT_BYTES);
                logs.addAll(logs(args, notes));
                if (restarted(request.namespace(), pod, notes)) {
                    // A migration that failed usually took the container with it: its log is the previous one.
                    Map<String, Object> previous = new LinkedHashMap<>(args);
                    previous.put("previous", true);
                    logs.addAll(logs(previous, notes));
                }
            } else {
                args.put("since", request.window().start().toString());
                logs.addAll(logs(args, notes));
            }
        }
        return logs;
    }

    private boolean restarted(String namespace, String pod, List<String> notes) {
        try {
            PodInfo info = Json.mapper()
                    .treeToValue(
                            tools.call("get_pod_status", Map.of("namespace", namespace, "pod", pod)), PodInfo.class);
            return info.restarts() > 0;
        } catch (ToolCallException e) {
            notes.add(e.getMessage());
        } catch (Exception e) {
            notes.add("get_pod_status answered something unreadable for " + pod + ": " + e.getMessage());
        }
        return false;
    }

    private List<ContainerLog> logs(Map<String, Object> args, List<String> notes) {
        List<ContainerLog> logs = new ArrayList<>();
        try {
            for (JsonNode node : tools.call("get_pod_logs", args).path("logs")) {
                ContainerLog log = Json.mapper().treeToValue(node, ContainerLog.class);
                if (log.truncated()) {
                    notes.add("logs of " + log.pod() + (log.previous() ? " (previous container)" : "")
                            + " were cut to the newest lines; lines from its start may be missing");
                }
                logs.add(log);
            }
        } catch (ToolCallException e) {
            notes.add(e.getMessage());
        } catch (Exception e) {
            notes.add("get_pod_logs answered something unreadable for " + args.get("pod") + ": " + e.getMessage());
        }
        return logs;
    }
}
