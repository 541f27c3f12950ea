package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go stack trace logged with an error rather than printed by a crash: zap's {@code stacktrace}
 * field (console or JSON), zerolog's {@code stack} of a recovered panic. The type is {@code panic}
 * when the record carries a recovered panic's value, else {@code error}; the location is the first
 * frame of the application's own code, after the {@code panic(...)} frame when there is one.
 */
final class GoStacks {

    private static final Pattern FILE = Pattern.compile("^\\s+(\\S+\\.go):(\\d+)");

    private GoStacks() {}

    static boolean matches(LogEvent event) {
        List<String> lines = event.lines();
        for (int i = 0; i < Math.min(lines.size(), 8); i++) {
            if (FILE.matcher(lines.get(i)).find()) {
                return true;
            }
        }
        return false;
    }

    static CrashSignature read(LogEvent event) {
        String header = event.header();
        String panic = JsonErrorFields.panic(header);
        String error = JsonErrorFields.error(header);
        String message = panic != null ? panic : error != null ? error : "";
        Frame frame = applicationFrame(event.lines());
        return new CrashSignature(
                panic != null ? CrashKind.GO_PANIC : CrashKind.GO_ERROR,
                panic != null ? "panic" : "error",
                message,
                frame == null ? null : frame.location(),
                frame == null ? null : frame.function(),
                event.level() == Level.FATAL);
    }

    /** A function line and the file line under it. */
    record Frame(String function, String location) {}

    /**
     * The first application frame of a goroutine trace, skipping the runtime, the standard library,
     * modules, loggers, and every frame above a {@code panic(...)} call (the recovery machinery).
     */
    static Frame applicationFrame(List<String> lines) {
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("panic(") || l.startsWith("runtime.gopanic(")) {
                from = i + 1;
                break;
            }
        }
        for (int i = from; i + 1 < lines.size(); i++) {
            String function = lines.get(i).strip();
            Matcher file = FILE.matcher(lines.get(i + 1));
            if (function.isEmpty() || function.startsWith("goroutine ") || !file.find()) {
                continue;
            }
            String path = file.group(1);
            // Drop the argument list only: "main.(*Cart).Total(0x0)" is the method main.(*Cart).Total.
            String name = function.replaceAll("\\((?:[^()]|\\.\\.\\.)*\\)$", "");
            if (name.startsWith("created by ")) {
                name = name.substring("created by ".length()).replaceAll(" in goroutine \\d+$", "");
            }
            if (!runtime(name, path)) {
                return new Frame(name, Frames.basename(path) + ":" + file.group(2));
            }
        }
        return null;
    }

    private static boolean runtime(String name, String path) {
        return name.startsWith("runtime.")
                || name.startsWith("runtime/")
                || name.startsWith("panic")
                || name.startsWith("net/http.")
                || name.startsWith("go.uber.org/")
                || name.startsWith("github.com/rs/zerolog")
                || name.startsWith("log/slog.")
                || path.contains("/go/src/")
                || path.contains("/libexec/src/")
                || path.contains("/pkg/mod/");
    }
}
