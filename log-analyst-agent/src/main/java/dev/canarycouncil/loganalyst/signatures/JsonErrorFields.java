package dev.canarycouncil.loganalyst.signatures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error a structured (JSON) record describes in its fields, as the log analyst renders them
 * ({@code err.type=TypeError err.message="..."}): pino's {@code err}, bunyan's {@code err.name}, ECS's
 * {@code error.type}, zap's and zerolog's {@code error}, zerolog's recovered {@code panic}.
 */
final class JsonErrorFields {

    private static final Pattern TYPE = Pattern.compile(
            "(?:^| )(?:err|error|exception)\\.(?:type|name|kind|class)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern MESSAGE =
            Pattern.compile("(?:^| )(?:err|error|exception)\\.message=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern ERROR = Pattern.compile(
            "(?:^| )(?:error|err)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s{\\[]\\S*)|\"error\": ?\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PANIC = Pattern.compile("(?:^| )panic=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    private JsonErrorFields() {}

    static String type(String header) {
        return value(TYPE, header);
    }

    static String message(String header) {
        return value(MESSAGE, header);
    }

    /** The text of a plain {@code error} field (zap, zerolog, slog). */
    static String error(String header) {
        Matcher m = ERROR.matcher(header);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? unquote(m.group(1)) : m.group(2).replace("\\\"", "\"");
    }

    /** The value of a recovered panic logged as a field (zerolog's and chi's recoverers). */
    static String panic(String header) {
        return value(PANIC, header);
    }

    private static String value(Pattern p, String header) {
        Matcher m = p.matcher(header);
        return m.find() ? unquote(m.group(1)) : null;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1).replace("\\\"", "\"")
                : s;
    }
}
