package dev.canarycouncil.runtime.logs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The innermost exception a crash record names: the last exception line of a Java chain
 * ({@code Caused by: ...}), of a Python traceback, or of a Node error, stack frames skipped.
 *
 * @param line     the whole line, e.g. {@code TypeError: unsupported operand type(s) for *: 'NoneType' and 'float'}
 * @param type     the exception's simple name, e.g. {@code TypeError}
 * @param message  what follows the type, or null
 */
public record ExceptionLine(String line, String type, String message) {

    private static final Pattern EXCEPTION = Pattern.compile(
            "(?:^|\\s|Caused by: )((?:[a-zA-Z_$][\\w$]*\\.)*([A-Z][\\w$]*(?:Exception|Error|Exit|Interrupt|Fault)))(?::\\s*(.*))?$");

    /** The last exception line of a record's text, if it names one. */
    public static Optional<ExceptionLine> last(String text) {
        if (text == null) {
            return Optional.empty();
        }
        ExceptionLine found = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            Matcher m = EXCEPTION.matcher(line);
            if (!line.startsWith("at ") && m.find()) {
                String shown = line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line;
                found = new ExceptionLine(shown, m.group(2), m.group(3));
            }
        }
        return Optional.ofNullable(found);
    }
}
