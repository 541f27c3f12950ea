package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * .NET exceptions as {@code Exception.ToString()} prints them: {@code System.X: message}, inner
 * exceptions after {@code --->}, frames {@code at Ns.Type.Method(args) in /src/File.cs:line 42}.
 * The root cause is the innermost exception; its location the first frame of the application's own
 * code (not {@code System.}, {@code Microsoft.}) that names a source file.
 */
final class DotnetExceptions {

    private static final Pattern EXCEPTION = Pattern.compile(
            "(?:^|---> |Unhandled exception\\. |Unhandled Exception: )((?:[A-Za-z_][\\w`]*\\.)+[A-Za-z_][\\w`]*(?:Exception|Error))(?::\\s?(.*?))?(?: --->.*)?$");
    private static final Pattern FRAME = Pattern.compile("^\\s*at (\\S+?)\\(.*\\) in (.+?):line (\\d+)\\s*$");

    private DotnetExceptions() {}

    /** Whether a record holds a .NET stack: a frame with a {@code :line N} file reference, or an unhandled exception. */
    static boolean matches(LogEvent event) {
        if (event.header().startsWith("Unhandled exception. ") || event.header().startsWith("Unhandled Exception: ")) {
            return true;
        }
        for (String line : event.lines()) {
            if (line.contains(":line ") || line.contains("--- End of")) {
                return true;
            }
        }
        return false;
    }

    static CrashSignature read(LogEvent event) {
        String type = null;
        String message = null;
        int rootIndex = -1;
        for (int i = -1; i < event.lines().size(); i++) {
            String line = (i < 0 ? event.header() : event.lines().get(i)).strip();
            if (line.startsWith("at ") || line.startsWith("--- End of")) {
                continue;
            }
            Matcher m = EXCEPTION.matcher(line);
            if (m.find()) {
                type = m.group(1);
                message = m.group(2);
                rootIndex = i;
            }
        }
        if (type == null) {
            return null;
        }
        String location = null;
        String function = null;
        for (int pass = 0; pass < 2 && location == null; pass++) {
            // First the root cause's own frames, then the whole trace.
            for (int i = pass == 0 ? Math.max(0, rootIndex + 1) : 0;
                    i < event.lines().size();
                    i++) {
                Matcher f = FRAME.matcher(event.lines().get(i));
                if (f.find() && !Frames.isDotnetFramework(f.group(1))) {
                    location = Frames.basename(f.group(2)) + ":" + f.group(3);
                    function = f.group(1);
                    break;
                }
            }
        }
        boolean uncaught = event.header().startsWith("Unhandled ") || event.level() == Level.FATAL;
        return new CrashSignature(
                CrashKind.DOTNET_EXCEPTION, type, message == null ? "" : message.strip(), location, function, uncaught);
    }
}
