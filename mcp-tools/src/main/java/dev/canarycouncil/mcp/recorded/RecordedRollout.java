package dev.canarycouncil.mcp.recorded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.canarycouncil.mcp.kubernetes.LabelSelector;
import dev.canarycouncil.mcp.promql.OpenMetricsReader;
import dev.canarycouncil.mcp.promql.PromQlException;
import dev.canarycouncil.mcp.promql.SeriesStore;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.tools.ContainerInfo;
import dev.canarycouncil.runtime.tools.EventInfo;
import dev.canarycouncil.runtime.tools.PodInfo;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A recorded rollout directory, loaded and checked:
 * {@code rollout.json}, {@code pods.json}, {@code events.json}, {@code logs/<pod>[.<container>][.previous].log},
 * {@code metrics.om} (OpenMetrics, seconds timestamps) and optionally {@code repo/} (source files).
 * Every problem is reported with the file it is in, so a hand-made recording is easy to fix.
 */
public final class RecordedRollout {

    public static final int FORMAT_VERSION = 1;

    private final Path dir;
    private final RolloutManifest manifest;
    private final List<PodInfo> pods;
    private final List<EventInfo> events;
    private final List<LogFile> logs;
    private final SeriesStore metrics;
    private final Path repository;

    private RecordedRollout(
            Path dir,
            RolloutManifest manifest,
            List<PodInfo> pods,
            List<EventInfo> events,
            List<LogFile> logs,
            SeriesStore metrics,
            Path repository) {
        this.dir = dir;
        this.manifest = manifest;
        this.pods = pods;
        this.events = events;
        this.logs = logs;
        this.metrics = metrics;
        this.repository = repository;
    }

    /** @throws RecordingException when the directory is not a valid recording */
    public static RecordedRollout load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RecordingException(dir + " is not a directory (expected a recorded rollout with rollout.json)");
        }
        RolloutManifest manifest =
                validate(readJson(dir.resolve("rollout.json"), new TypeReference<RolloutManifest>() {}, true), dir);
        List<PodInfo> pods = readPods(dir, manifest);
        List<EventInfo> events = readJson(dir.resolve("events.json"), new TypeReference<List<EventInfo>>() {}, false);
        List<LogFile> logs = readLogIndex(dir.resolve("logs"), pods);
        SeriesStore metrics = readMetrics(dir.resolve("metrics.om"));
        Path repo = dir.resolve("repo");
        return new RecordedRollout(
                dir,
                manifest,
                pods,
                events == null ? List.of() : events,
                logs,
                metrics,
                Files.isDirectory(repo) ? repo : null);
    }

    public Path directory() {
        return dir;
    }

    public RolloutManifest manifest() {
        return manifest;
    }

    public List<PodInfo> pods() {
        return pods;
    }

    public List<EventInfo> events() {
        return events;
    }

    List<LogFile> logFiles() {
        return logs;
    }

    public SeriesStore metrics() {
        return metrics;
    }

    /** False for a recording made without a metrics source: it has no {@code metrics.om}. */
    public boolean hasMetrics() {
        return Files.exists(dir.resolve("metrics.om"));
    }

    /** The recorded source tree, or null when the recording has none. */
    public Path repository() {
        return repository;
    }

    /** A short name for the recording: its directory name. */
    public String name() {
        return dir.getFileName().toString();
    }

    private static RolloutManifest validate(RolloutManifest m, Path dir) {
        String file = dir.resolve("rollout.json").toString();
        if (m.formatVersion() == null || m.formatVersion() != FORMAT_VERSION) {
            throw new RecordingException(
                    file + ": formatVersion must be " + FORMAT_VERSION + ", was " + m.formatVersion());
        }
        require(file, "namespace", m.namespace());
        require(file, "rollout", m.rollout());
        require(file, "service", m.service());
        if (m.window() == null) {
            throw new RecordingException(file + ": missing field 'window' ({\"start\": ..., \"end\": ...})");
        }
        RolloutManifest.Side stable = side(file, "stable", m.stable());
        RolloutManifest.Side canary = side(file, "canary", m.canary());
        if (stable.podTemplateHash().equals(canary.podTemplateHash())) {
            throw new RecordingException(file + ": stable and canary have the same podTemplateHash");
        }
        return new RolloutManifest(
                m.formatVersion(),
                m.description(),
                m.namespace(),
                m.rollout(),
                m.service(),
                stable,
                canary,
                m.window(),
                m.status(),
                m.expected());
    }

    private static RolloutManifest.Side side(String file, String name, RolloutManifest.Side side) {
        if (side == null
                || side.podTemplateHash() == null
                || side.podTemplateHash().isBlank()) {
            throw new RecordingException(file + ": missing field '" + name + ".podTemplateHash'");
        }
        String selector = side.selector() == null || side.selector().isBlank()
                ? "rollouts-pod-template-hash=" + side.podTemplateHash()
                : side.selector();
        return new RolloutManifest.Side(side.podTemplateHash(), selector, side.version());
    }

    private static void require(String file, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RecordingException(file + ": missing field '" + field + "'");
        }
    }

    private static List<PodInfo> readPods(Path dir, RolloutManifest manifest) {
        Path file = dir.resolve("pods.json");
        List<PodInfo> raw = readJson(file, new TypeReference<List<PodInfo>>() {}, true);
        List<PodInfo> pods = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PodInfo p : raw) {
            if (p.name() == null || p.name().isBlank()) {
                throw new RecordingException(file + ": a pod has no name");
            }
            if (!names.add(p.name())) {
                throw new RecordingException(file + ": pod " + p.name() + " appears twice");
            }
            List<ContainerInfo> containers = p.containers().isEmpty()
                    ? List.of(
                            new ContainerInfo("app", null, p.ready(), 0, "running", null, null, null, null, null, null))
                    : p.containers();
            pods.add(new PodInfo(
                    p.name(),
                    p.namespace() == null ? manifest.namespace() : p.namespace(),
                    p.labels(),
                    p.phase() == null ? "Running" : p.phase(),
                    p.ready(),
                    p.startTime(),
                    containers,
                    p.annotations()));
        }
        boolean anyCanary = pods.stream()
                .anyMatch(p -> LabelSelector.parse(manifest.canary().selector()).matches(p.labels()));
        if (!anyCanary) {
            throw new RecordingException(file + ": no pod matches the canary selector '"
                    + manifest.canary().selector() + "'");
        }
        return List.copyOf(pods);
    }

    private static List<LogFile> readLogIndex(Path logsDir, List<PodInfo> pods) {
        if (!Files.isDirectory(logsDir)) {
            return List.of();
        }
        List<String> podNames = pods.stream()
                .map(PodInfo::name)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        List<LogFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(logsDir)) {
            for (Path path : list.sorted().toList()) {
                String fileName = path.getFileName().toString();
                if (!fileName.endsWith(".log")) {
                    continue;
                }
                String stem = fileName.substring(0, fileName.length() - ".log".length());
                boolean previous = stem.endsWith(".previous");
                if (previous) {
                    stem = stem.substring(0, stem.length() - ".previous".length());
                }
                String pod = null;
                for (String name : podNames) {
                    if (stem.equals(name) || stem.startsWith(name + ".")) {
                        pod = name;
                        break;
                    }
                }
                if (pod == null) {
                    throw new RecordingException(path + ": no pod in pods.json is named like this log file "
                            + "(expected <pod>[.<container>][.previous].log)");
                }
                String container = stem.length() > pod.length() ? stem.substring(pod.length() + 1) : null;
                files.add(new LogFile(pod, container, previous, path));
            }
        } catch (IOException e) {
            throw new RecordingException("Cannot list " + logsDir + ": " + e.getMessage(), e);
        }
        return List.copyOf(files);
    }

    private static SeriesStore readMetrics(Path file) {
        if (!Files.exists(file)) {
            return SeriesStore.empty();
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            return OpenMetricsReader.read(reader, file.toString()).store();
        } catch (PromQlException e) {
            throw new RecordingException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T readJson(Path file, TypeReference<T> type, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new RecordingException(file + " is missing");
            }
            return null;
        }
        try {
            T value = Json.mapper().readValue(file.toFile(), type);
            if (value == null) {
                throw new RecordingException(file + " is empty");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new RecordingException(
                    file + ": unexpected content at " + e.getPathReference() + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    e);
        } catch (JsonProcessingException e) {
            throw new RecordingException(
                    file + " is not valid JSON: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        } catch (IOException e) {
            throw new RecordingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
