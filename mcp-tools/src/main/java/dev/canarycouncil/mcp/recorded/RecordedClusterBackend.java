package dev.canarycouncil.mcp.recorded;

import dev.canarycouncil.mcp.kubernetes.ClusterBackend;
import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.kubernetes.LogQuery;
import dev.canarycouncil.mcp.kubernetes.LogTextReader;
import dev.canarycouncil.mcp.kubernetes.RolloutInfo;
import dev.canarycouncil.mcp.tool.ToolException;
import dev.canarycouncil.mcp.tool.ToolException.Kind;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.ContainerLog;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import dev.canarycouncil.runtime.tools.RolloutPods;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Answers the Kubernetes tools from a recorded rollout, as the cluster looked at recording time. */
public final class RecordedClusterBackend implements ClusterBackend {

    private final RecordedRollout recording;

    public RecordedClusterBackend(RecordedRollout recording) {
        this.recording = recording;
    }

    @Override
    public List<PodInfo> listPods(String namespace, String selector) {
        checkNamespace(namespace);
        LabelSelector s = LabelSelector.parse(selector);
        return recording.pods().stream().filter(p -> s.matches(p.labels())).toList();
    }

    @Override
    public PodInfo pod(String namespace, String name) {
        checkNamespace(namespace);
        return recording.pods().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new ToolException(Kind.NOT_FOUND, "pod " + name + " not found in namespace " + namespace));
    }

    @Override
    public List<ContainerLog> logs(LogQuery q) {
        PodInfo pod = pod(q.namespace(), q.pod());
        List<String> containers =
                pod.containers().stream().map(ContainerInfo::name).toList();
        if (q.container() != null && !containers.contains(q.container())) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "container " + q.container() + " not found in pod " + q.pod() + " (containers: "
                            + String.join(", ", containers) + ")");
        }
        List<ContainerLog> out = new ArrayList<>();
        for (String container : containers) {
            if (q.container() != null && !q.container().equals(container)) {
                continue;
            }
            LogFile file = find(pod.name(), container, containers.get(0), q.previous());
            if (file == null) {
                if (q.previous() && q.container() != null) {
                    throw new ToolException(
                            Kind.NOT_FOUND,
                            "previous terminated container " + container + " not found in pod " + q.pod());
                }
                if (!q.previous()) {
                    out.add(new ContainerLog(pod.name(), container, false, "", 0, false));
                }
                continue;
            }
            try (InputStream in = Files.newInputStream(file.path())) {
                if (q.since() != null) {
                    in.skipNBytes(LogFileSeek.offset(file.path(), q.since()));
                }
                LogTextReader.Result r = LogTextReader.read(in, q.since(), q.tailLines(), q.limitBytes());
                out.add(new ContainerLog(pod.name(), container, q.previous(), r.text(), r.lineCount(), r.truncated()));
            } catch (IOException e) {
                throw new ToolException(Kind.INTERNAL, "cannot read " + file.path() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The container's log file; a file without a container part belongs to the pod's first container. */
    private LogFile find(String pod, String container, String firstContainer, boolean previous) {
        for (LogFile f : recording.logFiles()) {
            if (f.pod().equals(pod)
                    && f.previous() == previous
                    && (container.equals(f.container())
                            || (f.container() == null && container.equals(firstContainer)))) {
                return f;
            }
        }
        return null;
    }

    @Override
    public List<EventInfo> events(String namespace, String involvedName) {
        checkNamespace(namespace);
        return recording.events().stream()
                .filter(e -> involvedName == null || involvedName.equals(e.involvedName()))
                .toList();
    }

    @Override
    public RolloutInfo rollout(String namespace, String name) {
        checkNamespace(namespace);
        RolloutManifest m = recording.manifest();
        if (!m.rollout().equals(name)) {
            throw new ToolException(Kind.NOT_FOUND, "rollout " + name + " not found in namespace " + namespace);
        }
        RolloutManifest.Status s = m.status();
        return new RolloutInfo(
                m.rollout(),
                m.namespace(),
                s == null ? "Paused" : s.phase(),
                s == null ? null : s.currentStep(),
                s == null ? null : s.canaryWeight(),
                m.stable().podTemplateHash(),
                m.canary().podTemplateHash(),
                s == null ? null : s.message(),
                false);
    }

    @Override
    public RolloutPods resolve(String namespace, String podNameOrHash, String rollout) {
        checkNamespace(namespace);
        RolloutManifest m = recording.manifest();
        if (rollout != null && !rollout.equals(m.rollout())) {
            throw new ToolException(Kind.NOT_FOUND, "rollout " + rollout + " not found in namespace " + namespace);
        }
        PodGroup canary = group(m.canary());
        PodGroup stable = group(m.stable());
        if (podNameOrHash.equals(stable.podTemplateHash()) || stable.pods().contains(podNameOrHash)) {
            throw new ToolException(
                    Kind.INVALID_ARGUMENT,
                    podNameOrHash + " belongs to the stable ReplicaSet of " + m.rollout()
                            + ", not to its canary (canary hash " + canary.podTemplateHash() + ")");
        }
        if (!podNameOrHash.equals(canary.podTemplateHash()) && !canary.pods().contains(podNameOrHash)) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "no canary pod or pod-template hash named " + podNameOrHash
                            + " in namespace " + namespace + " (canary hash of " + m.rollout() + " is "
                            + canary.podTemplateHash() + ")");
        }
        return new RolloutPods(m.namespace(), m.rollout(), m.service(), canary, stable, m.window());
    }

    /**
     * A recording holds one canary, whichever controller ran it: its rollout's name answers as a
     * Flagger Canary too, so Flagger's webhooks can be tried on a recording.
     */
    @Override
    public RolloutPods resolveFlaggerCanary(String namespace, String canary) {
        checkNamespace(namespace);
        RolloutManifest m = recording.manifest();
        if (!canary.equals(m.rollout())) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "canary " + canary + " not found in namespace " + namespace + " (the recording " + recording.name()
                            + " holds " + m.rollout() + ")");
        }
        return new RolloutPods(
                m.namespace(), m.rollout(), m.service(), group(m.canary()), group(m.stable()), m.window());
    }

    private PodGroup group(RolloutManifest.Side side) {
        LabelSelector selector = LabelSelector.parse(side.selector());
        List<String> names = recording.pods().stream()
                .filter(p -> selector.matches(p.labels()))
                .map(PodInfo::name)
                .toList();
        return new PodGroup(side.podTemplateHash(), side.selector(), names);
    }

    private void checkNamespace(String namespace) {
        if (!recording.manifest().namespace().equals(namespace)) {
            throw new ToolException(
                    Kind.NOT_FOUND,
                    "namespace " + namespace + " not found (the recording " + recording.name() + " holds namespace "
                            + recording.manifest().namespace() + ")");
        }
    }
}
