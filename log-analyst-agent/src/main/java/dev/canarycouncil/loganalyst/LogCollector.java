package dev.canarycouncil.loganalyst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.loganalyst.incremental.ReadPlan;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.mcp.ToolCallException;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what the log analyst judges, through the MCP tools: each pod's status, its current
 * logs since the window start, the previous container's logs after a restart, and events.
 * Logs sent in the request replace fetched logs. A failing tool call becomes a note, never an
 * exception, so a partial picture still reaches the judge.
 */
public final class LogCollector {

    /** More pods than this per side add cost but little evidence. */
    static final int MAX_PODS_PER_SIDE = 10;

    private static final String CUT = " were cut to the newest lines";

    private final McpToolClient tools;

    /** Whether a note says lines were left unread, which no later call can make up for. */
    static boolean isGap(String note) {
        return note.endsWith(CUT);
    }

    public LogCollector(McpToolClient tools) {
        this.tools = tools;
    }

    /** Everything in the window. */
    public CollectedLogs collect(AnalysisRequest request, Progress progress) throws InterruptedException {
        return collect(request, progress, ReadPlan.WHOLE_WINDOW);
    }

    /** What the plan says is unread; pod states and events are always read whole, they are small. */
    public CollectedLogs collect(AnalysisRequest request, Progress progress, ReadPlan plan)
            throws InterruptedException {
        List<String> notes = new ArrayList<>();
        SideEvidence canary = side(
                "canary",
                request,
                request.canary(),
                request.hasInlineLogs() ? request.inlineLogs().canary() : null,
                plan,
                progress,
                notes);
        SideEvidence stable = side(
                "stable",
                request,
                request.stable(),
                request.hasInlineLogs() ? request.inlineLogs().stable() : null,
                plan,
                progress,
                notes);
        return new CollectedLogs(canary, stable, notes);
    }

    private SideEvidence side(
            String side,
            AnalysisRequest request,
            PodGroup group,
            String inlineLogs,
            ReadPlan plan,
            Progress progress,
            List<String> notes)
            throws InterruptedException {
        List<String> podNames = group.pods();
        if (podNames.size() > MAX_PODS_PER_SIDE) {
            notes.add("read " + MAX_PODS_PER_SIDE + " of " + podNames.size() + " " + side + " pods");
            podNames = podNames.subList(0, MAX_PODS_PER_SIDE);
        }
        progress.report(
                "reading " + side + " pods: " + (podNames.isEmpty() ? "none found" : String.join(", ", podNames)));
        List<PodInfo> pods = new ArrayList<>();
        List<ContainerLog> logs = new ArrayList<>();
        List<EventInfo> events = new ArrayList<>();
        if (inlineLogs != null && !inlineLogs.isBlank()) {
            logs.add(new ContainerLog(
                    side + " (sent in the request)",
                    null,
                    false,
                    inlineLogs,
                    (int) inlineLogs.lines().count(),
                    false));
        }
        for (String pod : podNames) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            PodInfo state = call(
                    "get_pod_status",
                    Map.of("namespace", request.namespace(), "pod", pod),
                    notes,
                    node -> Json.mapper().treeToValue(node, PodInfo.class));
            if (state != null) {
                pods.add(state);
            }
            if (inlineLogs == null || inlineLogs.isBlank()) {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("namespace", request.namespace());
                args.put("pod", pod);
                args.put("since", plan.since(pod, request.window().start()).toString());
                addLogs(args, logs, notes);
                if (state != null && state.restarts() > 0 && plan.previousUnread(pod, state.restarts())) {
                    Map<String, Object> previous =
                            new LinkedHashMap<>(Map.of("namespace", request.namespace(), "pod", pod, "previous", true));
                    addLogs(previous, logs, notes);
                }
            }
            List<EventInfo> podEvents = call(
                    "list_events", Map.of("namespace", request.namespace(), "involvedObject", pod), notes, node -> {
                        List<EventInfo> list = new ArrayList<>();
                        for (JsonNode e : node.path("events")) {
                            list.add(Json.mapper().treeToValue(e, EventInfo.class));
                        }
                        return list;
                    });
            if (podEvents != null) {
                events.addAll(podEvents);
            }
        }
        return new SideEvidence(side, pods, logs, events);
    }

    private void addLogs(Map<String, Object> args, List<ContainerLog> logs, List<String> notes) {
        List<ContainerLog> fetched = call("get_pod_logs", args, notes, node -> {
            List<ContainerLog> list = new ArrayList<>();
            for (JsonNode l : node.path("logs")) {
                list.add(Json.mapper().treeToValue(l, ContainerLog.class));
            }
            return list;
        });
        if (fetched != null) {
            for (ContainerLog l : fetched) {
                if (l.truncated()) {
                    notes.add("logs of " + l.pod() + (l.previous() ? " (previous container)" : "") + CUT);
                }
            }
            logs.addAll(fetched);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode node) throws Exception;
    }

    private <T> T call(String tool, Map<String, Object> args, List<String> notes, Reader<T> reader) {
        try {
            return reader.read(tools.call(tool, args));
        } catch (ToolCallException e) {
            notes.add(e.getMessage());
            return null;
        } catch (Exception e) {
            notes.add(tool + " answered something unreadable: " + e.getMessage());
            return null;
        }
    }
}
