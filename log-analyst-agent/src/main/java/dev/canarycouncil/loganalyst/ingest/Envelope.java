package dev.canarycouncil.loganalyst.ingest;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.time.Instant;

/**
 * The wrapping a container runtime puts around each line when logs are read from the node's files
 * instead of the Kubernetes API: CRI's {@code 2026-05-05T10:00:01.123456789Z stdout F message}
 * (a long line split into {@code P} parts and a final {@code F}) and Docker's json-file
 * {@code {"log":"message\n","stream":"stdout","time":"..."}}. Told from the first line of a log;
 * the rest of the log is unwrapped the same way, the runtime's time kept for lines without their own.
 */
final class Envelope {

    private enum Kind {
        CRI,
        DOCKER_JSON
    }

    private final Kind kind;
    private final StringBuilder partial = new StringBuilder();
    private Instant time;

    private Envelope(Kind kind) {
        this.kind = kind;
    }

    /** The envelope a log's first line shows, or null when its lines are the application's own. */
    static Envelope of(String firstLine) {
        if (firstLine.startsWith("{\"log\":\"")) {
            return new Envelope(Kind.DOCKER_JSON);
        }
        LogTimestamps.Found found = LogTimestamps.find(firstLine, 0);
        if (found != null && found.start() == 0 && criStream(firstLine, found.end()) > 0) {
            return new Envelope(Kind.CRI);
        }
        return null;
    }

    /** The runtime's time of the last line unwrapped. */
    Instant time() {
        return time;
    }

    /**
     * The application's line inside {@code line}, or null while a split line is incomplete. A line
     * that is not wrapped after all (a log rotated in the middle) is returned as it is.
     */
    String unwrap(String line) {
        return kind == Kind.CRI ? cri(line) : docker(line);
    }

    private String cri(String line) {
        LogTimestamps.Found found = LogTimestamps.find(line, 0);
        int tag = found == null || found.start() != 0 ? -1 : criStream(line, found.end());
        if (tag < 0) {
            return line;
        }
        time = found.instant();
        String content = tag + 2 <= line.length() ? line.substring(Math.min(line.length(), tag + 2)) : "";
        if (line.charAt(tag) == 'P') {
            partial.append(content);
            return null;
        }
        if (partial.length() > 0) {
            String whole = partial.append(content).toString();
            partial.setLength(0);
            return whole;
        }
        return content;
    }

    /** Where the {@code P}/{@code F} tag is, after {@code " stdout "} or {@code " stderr "}; -1 when absent. */
    private static int criStream(String line, int afterTime) {
        if (!(line.startsWith(" stdout ", afterTime) || line.startsWith(" stderr ", afterTime))) {
            return -1;
        }
        int tag = afterTime + 8;
        return tag < line.length()
                        && (line.charAt(tag) == 'F' || line.charAt(tag) == 'P')
                        && (tag + 1 == line.length() || line.charAt(tag + 1) == ' ')
                ? tag
                : -1;
    }

    private String docker(String line) {
        if (!line.startsWith("{\"log\":\"")) {
            return line;
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = dev.canarycouncil.runtime.json.Json.mapper().readTree(line);
        } catch (java.io.IOException e) {
            return line;
        }
        String log = node.path("log").asText("");
        Instant t = LogTimestamps.leading(node.path("time").asText(""));
        if (t != null) {
            time = t;
        }
        // Docker splits lines longer than 16 KiB into entries without the final newline.
        if (!log.endsWith("\n")) {
            partial.append(log);
            return null;
        }
        String content = log.substring(0, log.length() - 1);
        if (partial.length() > 0) {
            String whole = partial.append(content).toString();
            partial.setLength(0);
            return whole;
        }
        return content;
    }
}
