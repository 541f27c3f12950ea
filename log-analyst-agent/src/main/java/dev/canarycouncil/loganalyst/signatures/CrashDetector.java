package dev.canarycouncil.loganalyst.signatures;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LogEvent;

/**
 * Recognises failures in a log record and finds the top application frame: Go panics with their
 * goroutine traces, Java exceptions with their {@code Caused by} chains, Python tracebacks, Node
 * errors, and single-line fatal messages (segfaults, out of memory).
 */
public final class CrashDetector {

    private static final Pattern GO_FRAME_FILE = Pattern.compile("^\\s+(\\S+\\.go):(\\d+)");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" |Caused by: )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(?:Exception|Error|Throwable|Failure))(?::\\s?(.*))?$");
    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at\\s+([\\w$.<>]+)\\(([^:()]+):(\\d+)\\)");
    private static final Pattern PY_FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+), in (\\S+)");
    private static final Pattern PY_EXCEPTION = Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration)?)(?::\\s?(.*))?$");
    private static final Pattern NODE_ERROR = Pattern.compile("(?:^|Uncaught |Unhandled(?:PromiseRejection\\w*)?:? )([A-Z]\\w*Error|Error)(?::\\s?(.*))?$");
    private static final Pattern NODE_FRAME = Pattern.compile("^\\s*at\\s+(?:(\\S+)\\s+\\()?([^()\\s]+\\.(?:js|mjs|cjs|ts)):(\\d+)(?::\\d+)?\\)?");
    private static final Pattern FATAL_MESSAGE = Pattern.compile(
            "(?i)(segmentation fault|segfault|SIGSEGV|SIGABRT|core dumped|out of memory|OutOfMemoryError|\\bOOM\\b|oom-kill|stack overflow)");

    public CrashSignature detect(LogEvent event) {
        String header = event.header();
        if (header.startsWith("panic: ") || header.startsWith("fatal error: ") || header.contains("http: panic serving")) {
            return goPanic(event);
        }
        if (header.startsWith("Traceback (most recent call last)") || event.lines().stream().anyMatch(l -> l.startsWith("Traceback ("))) {
            CrashSignature python = pythonTraceback(event);
            if (python != null) {
                return python;
            }
        }
        CrashSignature java = javaException(event);
        if (java != null) {
            return java;
        }
        CrashSignature node = nodeError(event);
        if (node != null) {
            return node;
        }
        if (!event.level().atLeast(Level.ERROR)) {
            return null;
        }
        Matcher fatal = FATAL_MESSAGE.matcher(header);
        if (fatal.find()) {
            return new CrashSignature("fatal-message", fatal.group(1).toLowerCase(Locale.ROOT), header.strip(), null, null,
                    event.level() == Level.FATAL);
        }
        return null;
    }

    private static CrashSignature goPanic(LogEvent event) {
        String header = event.header();
        boolean recovered = header.contains("http: panic serving");
        String kind = header.startsWith("fatal error: ") ? "fatal error" : "panic";
        String message;
        if (recovered) {
            // "http: panic serving 10.0.0.1:5432: runtime error: ..." (net/http recovered a handler panic)
            int address = header.indexOf("panic serving ") + "panic serving ".length();
            int colon = header.indexOf(": ", address);
            message = colon >= 0 ? header.substring(colon + 2).strip() : header.strip();
        } else {
            message = header.substring(kind.length() + 2).strip();
        }
        List<String> lines = event.lines();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String function = lines.get(i).strip();
            Matcher file = GO_FRAME_FILE.matcher(lines.get(i + 1));
            if (function.isEmpty() || function.startsWith("goroutine ") || !file.find()) {
                continue;
            }
            String path = file.group(1);
            // Drop the argument list only: "main.(*Cart).Total(0x0)" is the method main.(*Cart).Total.
            String name = function.replaceAll("\\((?:[^()]|\\.\\.\\.)*\\)$", "");
            if (name.startsWith("created by ")) {
                name = name.substring("created by ".length()).replaceAll(" in goroutine \\d+$", "");
            }
            boolean runtime = name.startsWith("runtime.") || name.startsWith("panic") || path.contains("/go/src/")
                    || path.contains("/libexec/src/") || path.contains("/pkg/mod/");
            if (!runtime) {
                return new CrashSignature("go-panic", kind, message, Frames.basename(path) + ":" + file.group(2), name, !recovered);
            }
        }
        return new CrashSignature("go-panic", kind, message, null, null, !recovered);
    }

    private static CrashSignature javaException(LogEvent event) {
        String type = null;
        String message = null;
        int rootIndex = -1;
        boolean uncaught = false;
        List<String> lines = event.lines();
        for (int i = -1; i < lines.size(); i++) {
            String line = (i < 0 ? event.header() : lines.get(i)).strip();
            Matcher m = JAVA_EXCEPTION.matcher(line);
            if (m.find()) {
                type = m.group(1);
                message = m.group(2);
                rootIndex = i;
                uncaught |= line.startsWith("Exception in thread ");
            }
        }
        if (type == null) {
            return null;
        }
        String location = null;
        String function = null;
        String firstLocation = null;
        String firstFunction = null;
        for (int i = Math.max(0, rootIndex + 1); i < lines.size() && location == null; i++) {
            Matcher f = JAVA_FRAME.matcher(lines.get(i));
            if (f.find()) {
                if (firstLocation == null) {
                    firstLocation = f.group(2) + ":" + f.group(3);
                    firstFunction = f.group(1);
                }
                if (!Frames.isJavaFramework(f.group(1))) {
                    location = f.group(2) + ":" + f.group(3);
                    function = f.group(1);
                }
            }
        }
        if (location == null && rootIndex >= 0) {
            // The root cause's frames may all be framework code; the first application frame of
            // the whole trace is the next best place to look.
            for (String line : lines) {
                Matcher f = JAVA_FRAME.matcher(line);
                if (f.find() && !Frames.isJavaFramework(f.group(1))) {
                    location = f.group(2) + ":" + f.group(3);
                    function = f.group(1);
                    break;
                }
            }
        }
        return new CrashSignature("java-exception", type, message == null ? "" : message.strip(),
                location != null ? location : firstLocation, location != null ? function : firstFunction,
                uncaught || event.level() == Level.FATAL);
    }

    private static CrashSignature pythonTraceback(LogEvent event) {
        String location = null;
        String function = null;
        String type = null;
        String message = null;
        boolean inTraceback = event.header().startsWith("Traceback (");
        for (String line : event.lines()) {
            if (line.startsWith("Traceback (")) {
                inTraceback = true;
                continue;
            }
            if (!inTraceback) {
                continue;
            }
            Matcher frame = PY_FRAME.matcher(line);
            if (frame.find()) {
                String path = frame.group(1);
                if (!path.contains("site-packages") && !path.contains("/lib/python") && !path.startsWith("<")) {
                    location = Frames.basename(path) + ":" + frame.group(2);
                    function = frame.group(3);
                }
                continue;
            }
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                Matcher ex = PY_EXCEPTION.matcher(line.strip());
                if (ex.find()) {
                    type = ex.group(1);
                    message = ex.group(2);
                }
            }
        }
        if (type == null) {
            return null;
        }
        return new CrashSignature("python-traceback", type, message == null ? "" : message.strip(), location, function,
                event.header().startsWith("Traceback ("));
    }

    private static CrashSignature nodeError(LogEvent event) {
        if (!event.header().contains("Error")) {
            return null; // the unanchored pattern below is costly on every warning line
        }
        Matcher error = NODE_ERROR.matcher(event.header().strip());
        if (!error.find()) {
            return null;
        }
        boolean framed = false;
        for (String line : event.lines()) {
            Matcher frame = NODE_FRAME.matcher(line);
            if (frame.find()) {
                framed = true;
                String path = frame.group(2);
                if (!path.contains("node_modules") && !path.startsWith("node:") && !path.contains("(internal/")
                        && !path.startsWith("internal/")) {
                    return new CrashSignature("node-error", error.group(1), error.group(2) == null ? "" : error.group(2).strip(),
                            Frames.basename(path) + ":" + frame.group(3), frame.group(1),
                            event.header().contains("Uncaught") || event.header().contains("Unhandled"));
                }
            }
        }
        return framed ? new CrashSignature("node-error", error.group(1), error.group(2) == null ? "" : error.group(2).strip(),
                null, null, event.header().contains("Uncaught") || event.header().contains("Unhandled")) : null;
    }
}
