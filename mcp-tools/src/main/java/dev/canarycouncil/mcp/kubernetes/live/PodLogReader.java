package dev.canarycouncil.mcp.kubernetes.live;

import dev.canarycouncil.mcp.kubernetes.KubernetesTools;
import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.kubernetes.LogTextReader;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.tools.ContainerLog;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Container logs with the recorded backend's semantics: the same {@link LogTextReader} limits
 * (since, last N lines, a byte cap that keeps the newest lines and sets {@code truncated}), the
 * same answers for a container that never restarted (previous logs of a named container are
 * NOT_FOUND; of all containers, only those that restarted).
 *
 * <p>The API's {@code limitBytes} keeps the <em>oldest</em> bytes, the opposite of what a cap
 * should keep, so it is only a transfer ceiling above the cap. When the ceiling is hit the log
 * is larger than it, and a second request asks for just as many of the newest lines as fit
 * the cap, judged from the first answer.
 */
final class PodLogReader {

    static final int MIN_TRANSFER_BYTES = 64 * 1024;

    private final ClusterReads reads;

    PodLogReader(ClusterReads reads) {
        this.reads = reads;
    }

    List<ContainerLog> read(LogQuery q, Pod pod) {
        List<String> containers = PodInfoMapper.containerSpecs(pod).stream()
                .map(Container::getName)
                .toList();
        if (q.container() != null && !containers.contains(q.container())) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "container " + q.container() + " not found in pod " + q.pod() + " (containers: "
                            + String.join(", ", containers) + ")");
        }
        Map<String, ContainerStatus> statuses =
                pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                        ? Map.of()
                        : pod.getStatus().getContainerStatuses().stream()
                                .collect(Collectors.toMap(ContainerStatus::getName, Function.identity(), (a, b) -> a));
        List<ContainerLog> out = new ArrayList<>();
        for (String container : containers) {
            if (q.container() != null && !q.container().equals(container)) {
                continue;
            }
            ContainerLog log = q.previous() && !restarted(statuses.get(container)) ? null : fetch(q, container);
            if (log == null) {
                // Only a previous container can be missing: the kubelet keeps one, after a restart.
                if (q.container() != null) {
                    throw new ToolException(
                            Kind.NOT_FOUND,
                            "previous terminated container " + container + " not found in pod " + q.pod());
                }
                continue;
            }
            out.add(log);
        }
        return out;
    }

    private static boolean restarted(ContainerStatus status) {
        return status != null
                && ((status.getRestartCount() != null && status.getRestartCount() > 0)
                        || (status.getLastState() != null
                                && status.getLastState().getTerminated() != null));
    }

    /** The container's log, or null when the API has no previous container for it. */
    private ContainerLog fetch(LogQuery q, String container) {
        int ceiling = transferCeiling(q.limitBytes());
        Fetched first = request(q, container, q.tailLines(), ceiling);
        if (first == null) {
            return null;
        }
        LogTextReader.Result result = first.result();
        boolean cut = false;
        if (first.hitCeiling()) {
            int fit = Math.max(1, result.lineCount());
            Fetched newest = request(q, container, q.tailLines() == null ? fit : Math.min(q.tailLines(), fit), ceiling);
            if (newest == null) {
                return null;
            }
            result = newest.result();
            cut = true;
        }
        return new ContainerLog(
                q.pod(), container, q.previous(), result.text(), result.lineCount(), result.truncated() || cut);
    }

    private record Fetched(LogTextReader.Result result, boolean hitCeiling) {}

    private Fetched request(LogQuery q, String container, Integer tailLines, int ceiling) {
        StringBuilder path = new StringBuilder("api/v1/namespaces/")
                .append(q.namespace())
                .append("/pods/")
                .append(q.pod())
                .append("/log?container=")
                .append(container);
        if (q.previous()) {
            path.append("&previous=true");
        }
        // The API filters by the kubelet's receive time, never earlier than the line's own
        // timestamp, so it only pre-filters; LogTextReader applies the exact cut.
        if (q.since() != null) {
            path.append("&sinceTime=").append(q.since());
        }
        if (tailLines != null) {
            path.append("&tailLines=").append(tailLines);
        }
        path.append("&limitBytes=").append(ceiling);
        String action = "read the " + (q.previous() ? "previous " : "") + "logs of container " + container + " of pod "
                + q.pod() + " in namespace " + q.namespace();
        String text;
        try {
            text = reads.text(path.toString(), action);
        } catch (ToolException e) {
            if (e.kind() == Kind.INVALID_ARGUMENT && e.getMessage().contains("previous terminated container")) {
                return null;
            }
            if (e.kind() == Kind.INVALID_ARGUMENT && e.getMessage().contains("is waiting to start")) {
                // Never started (ContainerCreating, ImagePullBackOff): no output yet, as an empty recorded log.
                return new Fetched(new LogTextReader.Result("", 0, false), false);
            }
            throw e;
        }
        if (text == null) {
            throw new ToolException(Kind.NOT_FOUND, "pod " + q.pod() + " not found in namespace " + q.namespace());
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            LogTextReader.Result result =
                    LogTextReader.read(new ByteArrayInputStream(bytes), q.since(), tailLines, q.limitBytes());
            // A character the ceiling split is decoded as one replacement character, so allow a few bytes.
            return new Fetched(result, bytes.length >= ceiling - 3);
        } catch (IOException e) {
            throw new ToolException(Kind.INTERNAL, "cannot read the logs of " + q.pod() + ": " + e.getMessage(), e);
        }
    }

    static int transferCeiling(long limitBytes) {
        long ceiling = Math.max(MIN_TRANSFER_BYTES, 2 * limitBytes);
        return (int) Math.min(ceiling, KubernetesTools.MAX_LOG_LIMIT_BYTES);
    }
}
