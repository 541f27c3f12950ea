package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java (and Kotlin, Scala) exceptions with their {@code Caused by} chains: the root cause is the last
 * cause, and its first frame that is the application's own, not the JDK's or a framework's.
 */
final class JvmExceptions {

    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" |Caused by: )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(?:Exception|Error|Throwable|Failure)(?:\\$[\\w$]+)?)(?::\\s?(.*))?$");
    private static final Pattern FRAME = Pattern.compile("^\\s*at\\s+(?:[\\w.-]+/)*([\\w$.<>]+)\\(([^:()]+):(\\d+)\\)");

    private JvmExceptions() {}

    static CrashSignature read(LogEvent event) {
        String type = null;
        String message = null;
        int rootIndex = -1;
        boolean uncaught = false;
        List<String> lines = event.lines();
        for (int i = -1; i < lines.size(); i++) {
            String line = (i < 0 ? event.header() : lines.get(i)).strip();
            if (line.startsWith("at ")) {
                continue;
            }
            Matcher m = EXCEPTION.matcher(line);
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
            Matcher f = FRAME.matcher(lines.get(i));
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
                Matcher f = FRAME.matcher(line);
                if (f.find() && !Frames.isJavaFramework(f.group(1))) {
                    location = f.group(2) + ":" + f.group(3);
                    function = f.group(1);
                    break;
                }
            }
        }
        return new CrashSignature(
                CrashKind.JAVA_EXCEPTION,
                type,
                message == null ? "" : message.strip(),
                location != null ? location : firstLocation,
                location != null ? function : firstFunction,
                uncaught || event.level() == Level.FATAL);
    }
}
