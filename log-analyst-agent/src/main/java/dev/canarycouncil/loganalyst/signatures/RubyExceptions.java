package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby exceptions: Rails' {@code NoMethodError (undefined method 'name' for nil):} followed by its
 * tagged backtrace ({@code [req-id] app/controllers/orders_controller.rb:14:in 'show'}), and the
 * interpreter's uncaught {@code /app/lib/run.rb:12:in 'run': message (NoMethodError)} with its
 * {@code from} lines. The location is the first frame outside gems and the Ruby library.
 */
final class RubyExceptions {

    private static final Pattern TAGS = Pattern.compile("^(?:\\[[^\\]]*\\] ?)+");
    private static final Pattern RAILS = Pattern.compile("^([A-Z][\\w]*(?:::[A-Z][\\w]*)*) \\((.*)\\):$");
    private static final Pattern UNCAUGHT =
            Pattern.compile("^(\\S+\\.rb):(\\d+):in [`'](.+?)': (.*) \\(([A-Z][\\w]*(?:::[A-Z][\\w]*)*)\\)$");
    private static final Pattern FRAME = Pattern.compile("^\\s*(?:from )?(\\S+\\.rb):(\\d+):in [`'](.+?)'");

    private RubyExceptions() {}

    static CrashSignature read(LogEvent event) {
        Matcher uncaught = UNCAUGHT.matcher(event.header());
        if (uncaught.find()) {
            String location = Frames.isLibraryPath(uncaught.group(1))
                    ? null
                    : Frames.basename(uncaught.group(1)) + ":" + uncaught.group(2);
            String function = location == null ? null : uncaught.group(3);
            if (location == null) {
                Frame f = firstApplicationFrame(event.lines(), 0);
                location = f == null ? null : f.location;
                function = f == null ? null : f.function;
            }
            return new CrashSignature(
                    CrashKind.RUBY_EXCEPTION, uncaught.group(5), uncaught.group(4), location, function, true);
        }
        List<String> lines = event.lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher rails = RAILS.matcher(
                    TAGS.matcher(lines.get(i).strip()).replaceFirst("").strip());
            if (rails.find()) {
                Frame f = firstApplicationFrame(lines, i + 1);
                return new CrashSignature(
                        CrashKind.RUBY_EXCEPTION,
                        rails.group(1),
                        rails.group(2),
                        f == null ? null : f.location,
                        f == null ? null : f.function,
                        false);
            }
        }
        return null;
    }

    private record Frame(String location, String function) {}

    private static Frame firstApplicationFrame(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            Matcher f = FRAME.matcher(TAGS.matcher(lines.get(i).strip()).replaceFirst(""));
            if (f.find() && !Frames.isLibraryPath(f.group(1))) {
                return new Frame(Frames.basename(f.group(1)) + ":" + f.group(2), f.group(3));
            }
        }
        return null;
    }
}
