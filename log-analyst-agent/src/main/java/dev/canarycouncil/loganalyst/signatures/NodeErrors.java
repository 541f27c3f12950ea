package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript errors with their stacks: a bare stack ({@code TypeError: message} then
 * {@code at fn (/app/src/cart.js:42:18)} frames), a stack inside a JSON record (pino's {@code err},
 * bunyan's, winston's {@code stack}), and Node's uncaught-error report (the source excerpt
 * {@code /app/src/worker.js:17}, the code line, a caret, the error, its frames and
 * {@code Node.js v20...}), unhandled rejections included. In a chain ({@code Caused by:}) the last cause
 * is the root. The location is the first frame outside {@code node_modules} and Node's internals.
 */
final class NodeErrors {

    private static final Pattern ERROR = Pattern.compile(
            "^(?:Uncaught |\\[)?([A-Z][A-Za-z]*Error|Error|error|UnhandledPromiseRejection)(?::\\s?(.*?))?\\]?(?: \\{)?$");
    private static final Pattern CAUSE =
            Pattern.compile("^\\s*[Cc]aused by: ([A-Z][A-Za-z]*Error|Error|error)(?::\\s?(.*))?$");
    private static final Pattern FRAME = Pattern.compile(
            "^\\s*at\\s+(?:async\\s+)?(?:(.+?)\\s+\\()?((?:file://)?[^()\\s]+\\.(?:js|mjs|cjs|ts|jsx|tsx)):(\\d+)(?::\\d+)?\\)?$");
    private static final Pattern EXCERPT = Pattern.compile("^(\\S+\\.(?:js|mjs|cjs|ts)):(\\d+)$");

    private NodeErrors() {}

    static CrashSignature read(LogEvent event) {
        String header = event.header();
        List<String> lines = event.lines();
        boolean uncaught = header.startsWith("Uncaught ")
                || header.startsWith("[UnhandledPromiseRejection")
                || header.contains("uncaughtException")
                || header.contains("unhandledRejection");
        String excerptLocation = null;
        int from;
        Matcher excerpt = EXCERPT.matcher(header);
        if (excerpt.matches() || header.startsWith("node:")) {
            // Node's report of an uncaught error: the error line comes after the source excerpt.
            uncaught = true;
            excerptLocation = excerpt.matches() && !Frames.isLibraryPath(excerpt.group(1))
                    ? Frames.basename(excerpt.group(1)) + ":" + excerpt.group(2)
                    : null;
            from = errorLine(lines);
        } else if (ERROR.matcher(header.strip()).find()) {
            from = -1;
        } else {
            from = errorLine(lines); // a stack inside a structured record
            if (from < 0 || !framed(lines, from + 1)) {
                return null;
            }
            uncaught |=
                    lines.get(0).contains("uncaughtException") || lines.get(0).contains("unhandledRejection");
        }
        if (from < 0
                && excerptLocation == null
                && !ERROR.matcher(header.strip()).find()) {
            return excerptLocation == null
                    ? null
                    : new CrashSignature(CrashKind.NODE_ERROR, "Error", "", excerptLocation, null, true);
        }
        Matcher error =
                ERROR.matcher(from < 0 ? header.strip() : lines.get(from).strip());
        if (!error.find()) {
            return null;
        }
        String type = error.group(1);
        String message = error.group(2) == null ? "" : error.group(2).strip();
        String structured = JsonErrorFields.type(header);
        if (structured != null && (type.equals("error") || type.equals("Error"))) {
            type = structured; // pg's errors print "error:" but are DatabaseError objects
        }
        int frames = from + 1;
        for (int i = Math.max(0, from + 1); i < lines.size(); i++) {
            Matcher cause = CAUSE.matcher(lines.get(i));
            if (cause.find()) {
                type = cause.group(1);
                message = cause.group(2) == null ? "" : cause.group(2).strip();
                frames = i + 1;
            }
        }
        boolean framed = framed(lines, Math.max(0, from + 1));
        Frame frame = applicationFrame(lines, Math.max(0, frames));
        if (frame == null && frames > from + 1) {
            frame = applicationFrame(lines, Math.max(0, from + 1));
        }
        if (frame != null) {
            return new CrashSignature(
                    CrashKind.NODE_ERROR, type, message, frame.location(), frame.function(), uncaught);
        }
        if (!framed && excerptLocation == null && !uncaught) {
            return null; // a line that only looks like an error, with no stack under it
        }
        return new CrashSignature(CrashKind.NODE_ERROR, type, message, excerptLocation, null, uncaught);
    }

    private record Frame(String location, String function) {}

    private static Frame applicationFrame(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (i > from && CAUSE.matcher(lines.get(i)).find()) {
                return null; // the frames of the next cause belong to it
            }
            Matcher frame = FRAME.matcher(lines.get(i));
            if (frame.find()) {
                String path = frame.group(2);
                if (!Frames.isLibraryPath(path) && !path.startsWith("node:")) {
                    return new Frame(Frames.basename(path) + ":" + frame.group(3), frame.group(1));
                }
            }
        }
        return null;
    }

    private static boolean framed(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (FRAME.matcher(lines.get(i)).find()) {
                return true;
            }
        }
        return false;
    }

    private static int errorLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty()
                    && !Character.isWhitespace(line.charAt(0))
                    && ERROR.matcher(line.strip()).find()) {
                return i;
            }
        }
        return -1;
    }
}
