package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a failure in a log record and finds its top application frame, asking each runtime's
 * reader in turn: Go and Rust panics, .NET and JVM exceptions, Python tracebacks, Ruby and PHP
 * errors, JavaScript errors, and single-line fatal messages (segfaults, out of memory).
 */
public final class CrashDetector {

    private static final Pattern FATAL_MESSAGE = Pattern.compile(
            "(?i)(segmentation fault|segfault|SIGSEGV|SIGABRT|core dumped|out of memory|OutOfMemoryError|\\bOOM\\b|oom-kill|stack overflow)");

    /**
     * Whether a line can hold one of {@link #FATAL_MESSAGE}'s words: a few plain searches, because the
     * case-insensitive pattern on every error line of a busy proxy cost more than reading it.
     */
    private static boolean mayBeFatal(String header) {
        return header.contains("ault")
                || header.contains("SIG")
                || header.contains("dumped")
                || header.contains("emory")
                || header.contains("OOM")
                || header.contains("oom")
                || header.contains("verflow")
                || header.contains("EMORY")
                || header.contains("AULT");
    }

    public CrashSignature detect(LogEvent event) {
        // A stack a logger put inside one line (escaped) or inside a JSON value is read as if printed plainly.
        LogEvent unfolded = EmbeddedStack.unfolded(event);
        if (unfolded != null) {
            CrashSignature crash = read(unfolded);
            if (crash != null) {
                return crash;
            }
        }
        LogEvent value = EmbeddedStack.firstValue(event);
        if (value != null && (GoPanics.matches(value.header()) || RustPanics.matches(value.header()))) {
            return read(value);
        }
        CrashSignature crash = read(event);
        return crash != null || value == null ? crash : read(value);
    }

    private CrashSignature read(LogEvent event) {
        String header = event.header();
        if (GoPanics.matches(header)) {
            return GoPanics.read(event);
        }
        if (RustPanics.matches(header)) {
            return RustPanics.read(event);
        }
        if (PythonTracebacks.matches(event)) {
            CrashSignature python = PythonTracebacks.read(event);
            if (python != null) {
                return python;
            }
        }
        if (PhpErrors.matches(header)) {
            CrashSignature php = PhpErrors.read(event);
            if (php != null) {
                return php;
            }
        }
        if (DotnetExceptions.matches(event)) {
            CrashSignature dotnet = DotnetExceptions.read(event);
            if (dotnet != null) {
                return dotnet;
            }
        }
        if (GoStacks.matches(event)) {
            return GoStacks.read(event);
        }
        CrashSignature jvm = JvmExceptions.read(event);
        if (jvm != null) {
            return jvm;
        }
        if (header.contains("Error")
                || header.startsWith("[Unhandled")
                || !event.lines().isEmpty()) {
            CrashSignature node = NodeErrors.read(event);
            if (node != null) {
                return node;
            }
        }
        if (header.contains(".rb:") || !event.lines().isEmpty()) {
            CrashSignature ruby = RubyExceptions.read(event);
            if (ruby != null) {
                return ruby;
            }
        }
        if (!event.level().atLeast(Level.ERROR)) {
            return null;
        }
        if (!mayBeFatal(header)) {
            return null;
        }
        Matcher fatal = FATAL_MESSAGE.matcher(header);
        if (fatal.find()) {
            return new CrashSignature(
                    CrashKind.FATAL_MESSAGE,
                    fatal.group(1).toLowerCase(Locale.ROOT),
                    header.strip(),
                    null,
                    null,
                    event.level() == Level.FATAL);
        }
        return null;
    }
}
