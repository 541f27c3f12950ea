package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rust panics in both wordings: {@code thread 'main' panicked at 'message', src/main.rs:42:9}
 * (before 1.73) and {@code thread 'main' panicked at src/main.rs:42:9:} with the message on the
 * next line (1.73 and later). The panic's location is the application frame.
 */
final class RustPanics {

    private static final Pattern OLD = Pattern.compile("panicked at '(.*)', (\\S+?\\.rs):(\\d+)(?::\\d+)?$");
    private static final Pattern NEW = Pattern.compile("panicked at (\\S+?\\.rs):(\\d+)(?::\\d+)?:?$");

    private RustPanics() {}

    static boolean matches(String header) {
        return header.startsWith("thread '") && header.contains("' panicked at");
    }

    static CrashSignature read(LogEvent event) {
        String header = event.header();
        Matcher old = OLD.matcher(header);
        if (old.find()) {
            return new CrashSignature(
                    CrashKind.RUST_PANIC,
                    "panic",
                    old.group(1),
                    Frames.basename(old.group(2)) + ":" + old.group(3),
                    null,
                    true);
        }
        Matcher current = NEW.matcher(header);
        String message = event.lines().stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .filter(l -> !l.startsWith("note: ") && !l.startsWith("stack backtrace:"))
                .findFirst()
                .orElse("");
        if (current.find()) {
            return new CrashSignature(
                    CrashKind.RUST_PANIC,
                    "panic",
                    message,
                    Frames.basename(current.group(1)) + ":" + current.group(2),
                    null,
                    true);
        }
        return new CrashSignature(CrashKind.RUST_PANIC, "panic", message, null, null, true);
    }
}
