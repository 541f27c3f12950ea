package dev.canarycouncil.loganalyst.ingest;

import dev.canarycouncil.loganalyst.ingest.LineHeader.Start;

/**
 * Lines with which a runtime starts a crash report or an error stack, printed without the
 * application's log header: Go's {@code panic:} and {@code fatal error:}, Rust's
 * {@code thread 'main' panicked at}, Python's {@code Traceback (most recent call last):},
 * Java's {@code Exception in thread "main"}, .NET's {@code Unhandled exception.}, Node's source
 * excerpt ({@code /app/src/cart.js:42}) before an uncaught error and its bare error stacks
 * ({@code TypeError: ...}), Ruby's uncaught {@code app.rb:12:in 'run': message (NoMethodError)}
 * and PHP's {@code PHP Fatal error:}.
 */
final class CrashStarts {

    private CrashStarts() {}

    /** The line's crash header, or null when it starts no crash report. */
    static LineHeader read(String line) {
        char c = line.charAt(0);
        switch (c) {
            case 'p':
                return line.startsWith("panic: ") ? dump(Level.FATAL) : null;
            case 'f':
                return line.startsWith("fatal error: ") ? dump(Level.FATAL) : null;
            case 't':
                return line.startsWith("thread '") && line.contains("' panicked at") ? dump(Level.FATAL) : null;
            case 'n':
                return line.startsWith("node:") && sourceExcerpt(line) ? dump(Level.FATAL) : null;
            case '/':
                return sourceExcerpt(line) ? dump(Level.FATAL) : rubyUncaught(line) ? crash(Level.FATAL) : null;
            case '[':
                return line.startsWith("[UnhandledPromiseRejection") ? crash(Level.FATAL) : null;
            case 'T':
                if (line.startsWith("Traceback (most recent call last)")) {
                    return new LineHeader(Start.TRACEBACK, null, Level.FATAL, 0);
                }
                break;
            case 'E':
                if (line.startsWith("Exception in thread \"")) {
                    return crash(Level.FATAL);
                }
                break;
            case 'U':
                if (line.startsWith("Unhandled exception. ") || line.startsWith("Unhandled Exception: ")) {
                    return crash(Level.FATAL);
                }
                if (line.startsWith("Uncaught ")) {
                    return crash(Level.FATAL);
                }
                break;
            case 'P':
                if (line.startsWith("PHP Fatal error:") || line.startsWith("PHP Parse error:")) {
                    return crash(Level.FATAL);
                }
                break;
            case 'N':
                if (line.startsWith(LevelWords.FPM_MESSAGE + "PHP Fatal error:")) {
                    return crash(Level.FATAL);
                }
                break;
            default:
                break;
        }
        if (c >= 'A' && c <= 'Z' && javaScriptError(line)) {
            return crash(Level.ERROR);
        }
        if (c != '/' && Character.isLetterOrDigit(c) && rubyUncaught(line)) {
            return crash(Level.FATAL);
        }
        return null;
    }

    private static LineHeader dump(Level level) {
        return new LineHeader(Start.DUMP, null, level, 0);
    }

    private static LineHeader crash(Level level) {
        return new LineHeader(Start.CRASH, null, level, 0);
    }

    /**
     * {@code TypeError: message} or {@code Error: message} at the start of a line: the first line of a
     * JavaScript error's stack, printed by Express's error handler or {@code console.error(err)}.
     */
    private static boolean javaScriptError(String line) {
        int colon = line.indexOf(':');
        if (colon < 5 || colon > 40 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
            return false;
        }
        if (!line.startsWith("Error", colon - 5)) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            if (!Character.isLetter(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Node's source excerpt before an uncaught error: a script path and line number alone on a
     * line ({@code /app/src/worker.js:17}, {@code node:internal/process/promises:289}).
     */
    private static boolean sourceExcerpt(String line) {
        int colon = line.lastIndexOf(':');
        if (colon < 3 || colon == line.length() - 1 || line.indexOf(' ') >= 0) {
            return false;
        }
        for (int i = colon + 1; i < line.length(); i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return false;
            }
        }
        return line.startsWith("node:")
                || endsBefore(line, colon, ".js")
                || endsBefore(line, colon, ".mjs")
                || endsBefore(line, colon, ".cjs")
                || endsBefore(line, colon, ".ts");
    }

    private static boolean endsBefore(String line, int at, String suffix) {
        return at >= suffix.length() && line.regionMatches(at - suffix.length(), suffix, 0, suffix.length());
    }

    /** Ruby's uncaught exception: {@code /app/lib/run.rb:12:in 'run': undefined method 'id' for nil (NoMethodError)}. */
    private static boolean rubyUncaught(String line) {
        if (line.charAt(line.length() - 1) != ')') {
            return false;
        }
        int rb = line.indexOf(".rb:");
        return rb > 0 && rb < 200 && line.indexOf(":in ", rb) > 0 && line.endsWith(")") && line.indexOf(' ') > rb;
    }
}
