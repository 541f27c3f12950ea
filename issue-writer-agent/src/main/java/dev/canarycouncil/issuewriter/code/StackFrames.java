package dev.canarycouncil.issuewriter.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application frames in a (redacted) stack trace sample: Go, JVM, Python and Node.js formats.
 * Runtime and framework frames are skipped: the fix is rarely in them.
 */
final class StackFrames {

    private static final Pattern GO_FUNCTION =
            Pattern.compile("^(?:created by )?(.+?)(?:\\([^()]*\\))?(?: in goroutine \\d+)?$");
    private static final Pattern GO_FILE = Pattern.compile("^\\s+(\\S+\\.go):(\\d+)");
    private static final Pattern JVM = Pattern.compile("^\\s*at ([\\w$.]+)\\(([\\w$]+\\.(?:java|kt|scala)):(\\d+)\\)");
    private static final Pattern PYTHON = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+), in (\\S+)");
    private static final Pattern NODE =
            Pattern.compile("^\\s*at (?:(\\S+) \\()?([^()\\s]+\\.[cm]?[jt]s):(\\d+):\\d+\\)?");

    private StackFrames() {}

    static List<SourceFrame> parse(String trace) {
        List<SourceFrame> frames = new ArrayList<>();
        String[] lines = trace.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher go = GO_FILE.matcher(line);
            if (go.find() && i > 0) {
                Matcher fn = GO_FUNCTION.matcher(lines[i - 1].strip());
                String function = fn.matches() ? fn.group(1) : null;
                if (!isGoRuntime(go.group(1), function)) {
                    frames.add(frame(go.group(1), go.group(2), function));
                }
                continue;
            }
            Matcher jvm = JVM.matcher(line);
            if (jvm.find()) {
                if (!isJvmFramework(jvm.group(1))) {
                    frames.add(frame(jvm.group(2), jvm.group(3), jvm.group(1)));
                }
                continue;
            }
            Matcher py = PYTHON.matcher(line);
            if (py.find()) {
                if (!py.group(1).contains("site-packages")
                        && !py.group(1).contains("/lib/python")
                        && !py.group(1).startsWith("<")) {
                    frames.add(frame(py.group(1), py.group(2), py.group(3)));
                }
                continue;
            }
            Matcher node = NODE.matcher(line);
            if (node.find()
                    && !node.group(2).contains("node_modules")
                    && !node.group(2).startsWith("node:")
                    && !node.group(2).startsWith("internal/")) {
                frames.add(frame(node.group(2), node.group(3), node.group(1)));
            }
        }
        // Python prints the innermost frame last; every other runtime prints it first.
        if (trace.contains("Traceback (")) {
            java.util.Collections.reverse(frames);
        }
        return frames;
    }

    private static SourceFrame frame(String file, String line, String function) {
        return new SourceFrame(file, Integer.parseInt(line), function, "frame");
    }

    private static boolean isGoRuntime(String file, String function) {
        return file.contains("/go/src/")
                || file.contains("/pkg/mod/")
                || file.startsWith("runtime/")
                || (function != null && (function.startsWith("runtime.") || function.startsWith("panic")));
    }

    private static boolean isJvmFramework(String method) {
        for (String prefix : new String[] {
            "java.",
            "javax.",
            "jakarta.",
            "jdk.",
            "sun.",
            "com.sun.",
            "org.springframework.",
            "org.apache.",
            "io.netty.",
            "reactor.",
            "kotlin.",
            "kotlinx.",
            "scala.",
            "org.hibernate.",
            "com.fasterxml.",
            "io.vertx.",
            "org.junit.",
            "org.eclipse.jetty.",
            "io.undertow.",
            "io.micrometer.",
            "org.slf4j.",
            "ch.qos."
        }) {
            if (method.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
