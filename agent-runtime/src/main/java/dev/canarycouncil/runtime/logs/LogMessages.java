package dev.canarycouncil.runtime.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of a log line without the decoration around it (timestamp, level, thread, logger),
 * for quoting a failure to a person: {@code charge failed: context deadline exceeded} rather than
 * the whole logfmt line.
 */
public final class LogMessages {

    private static final Pattern LOGFMT_MSG = Pattern.compile("\\b(?:msg|message)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern LOGFMT_ERROR = Pattern.compile("\\b(?:error|err)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern JSON_MSG = Pattern.compile("\"(?:msg|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SPRING = Pattern.compile(
            "^\\S+\\s+(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\\s+\\d+\\s+---\\s+\\[[^]]*]\\s+\\S+\\s+:\\s(.*)$");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:\\[?\\d{4}-\\d{2}-\\d{2}[T ][\\d:.,]+(?:Z|[+-]\\d{2}:?\\d{2})?]?\\s+)?(?:\\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL)]?:?\\s+)?");

    private LogMessages() {}

    public static String message(String line) {
        if (line == null) {
            return null;
        }
        String first = line.lines().findFirst().orElse("").strip();
        Matcher json = JSON_MSG.matcher(first);
        if (first.startsWith("{") && json.find()) {
            return json.group(1);
        }
        Matcher msg = LOGFMT_MSG.matcher(first);
        if (msg.find()) {
            String text = unquote(msg.group(1));
            Matcher error = LOGFMT_ERROR.matcher(first);
            return error.find() ? text + ": " + unquote(error.group(1)) : text;
        }
        Matcher spring = SPRING.matcher(first);
        if (spring.find()) {
            return spring.group(1).strip();
        }
        return PREFIX.matcher(first).replaceFirst("");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1).replace("\\\"", "\"")
                : s;
    }
}
