package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python tracebacks, logged or uncaught. In a chain ("During handling of the above exception ...",
 * "The above exception was the direct cause ...") the first traceback is the original failure: its
 * exception is the root cause, and its innermost application frame the location.
 */
final class PythonTracebacks {

    private static final Pattern FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+), in (\\S+)");
    private static final Pattern EXCEPTION = Pattern.compile(
            "^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration|DoesNotExist|NotFound)?)(?::\\s?(.*))?$");

    private PythonTracebacks() {}

    static boolean matches(LogEvent event) {
        if (event.header().startsWith("Traceback (")) {
            return true;
        }
        for (String line : event.lines()) {
            if (line.startsWith("Traceback (")) {
                return true;
            }
        }
        return false;
    }

    static CrashSignature read(LogEvent event) {
        String location = null;
        String function = null;
        boolean inTraceback = event.header().startsWith("Traceback (");
        for (String line : event.lines()) {
            if (line.startsWith("Traceback (")) {
                inTraceback = true;
                continue;
            }
            if (!inTraceback) {
                continue;
            }
            Matcher frame = FRAME.matcher(line);
            if (frame.find()) {
                String path = frame.group(1);
                if (!Frames.isLibraryPath(path)) {
                    location = Frames.basename(path) + ":" + frame.group(2);
                    function = frame.group(3);
                }
                continue;
            }
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                Matcher ex = EXCEPTION.matcher(line.strip());
                if (ex.find()) {
                    // The first traceback of a chain is the original failure.
                    String message = ex.group(2);
                    return new CrashSignature(
                            CrashKind.PYTHON_TRACEBACK,
                            ex.group(1),
                            message == null ? "" : message.strip(),
                            location,
                            function,
                            event.header().startsWith("Traceback ("));
                }
            }
        }
        return null;
    }
}
