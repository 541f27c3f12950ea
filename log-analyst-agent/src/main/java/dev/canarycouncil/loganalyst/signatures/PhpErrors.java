package dev.canarycouncil.loganalyst.signatures;

import dev.canarycouncil.loganalyst.ingest.LogEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PHP errors: the engine's {@code PHP Fatal error:  Uncaught Error: message in /var/www/x.php:21}
 * and Laravel's (Monolog's) {@code [object] (DivisionByZeroError(code: 0): message at /var/www/x.php:57)}.
 * When the throw site is in {@code vendor/}, the first {@code #N} frame in the application's own code
 * is the location.
 */
final class PhpErrors {

    private static final Pattern UNCAUGHT = Pattern.compile(
            "PHP (?:Fatal|Parse) error:\\s+(?:Uncaught ([\\w\\\\]+): )?(.*?) in (\\S+?\\.php)(?::| on line )(\\d+)");
    private static final Pattern MONOLOG =
            Pattern.compile("\\(([\\w\\\\]+)\\(code: [^)]*\\): (.*?) at (\\S+?\\.php):(\\d+)\\)");
    private static final Pattern FRAME = Pattern.compile("#\\d+ (\\S+?\\.php)\\((\\d+)\\): (\\S+?)\\(");

    private PhpErrors() {}

    static boolean matches(String header) {
        return header.contains("PHP Fatal error:") || header.contains("PHP Parse error:") || header.contains("(code: ");
    }

    static CrashSignature read(LogEvent event) {
        String header = event.header();
        Matcher fatal = UNCAUGHT.matcher(header);
        if (fatal.find()) {
            String type = fatal.group(1) == null ? "Fatal error" : fatal.group(1);
            return signature(type, fatal.group(2), fatal.group(3), fatal.group(4), event, true);
        }
        Matcher monolog = MONOLOG.matcher(header);
        if (monolog.find()) {
            return signature(monolog.group(1), monolog.group(2), monolog.group(3), monolog.group(4), event, false);
        }
        return null;
    }

    private static CrashSignature signature(
            String type, String message, String path, String line, LogEvent event, boolean uncaught) {
        String location = Frames.isLibraryPath(path) ? null : Frames.basename(path) + ":" + line;
        String function = null;
        if (location == null) {
            for (String l : event.lines()) {
                Matcher f = FRAME.matcher(l);
                if (f.find() && !Frames.isLibraryPath(f.group(1))) {
                    location = Frames.basename(f.group(1)) + ":" + f.group(2);
                    function = f.group(3);
                    break;
                }
            }
        }
        return new CrashSignature(CrashKind.PHP_ERROR, type, message.strip(), location, function, uncaught);
    }
}
