package dev.canarycouncil.runtime.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way configuration files are read: YAML or JSON bound to records by Jackson, strictly (an
 * unknown field, a quoted number or a quoted boolean is an error), each mistake turned into one
 * line that names the file and the field's path, e.g. {@code members.yaml: unknown field 'wieght'
 * at members[0]}. The records say what a file may hold; the loaders only check what binding cannot.
 *
 * @param <E> the loader's own exception, so that callers catch one type per kind of file
 */
public final class ConfigDocuments<E extends RuntimeException> {

    private final String kind;
    private final Function<String, E> error;

    /**
     * @param kind  how messages name a file of this kind, e.g. "members file"
     * @param error makes the loader's exception from a message
     */
    public ConfigDocuments(String kind, Function<String, E> error) {
        this.kind = kind;
        this.error = error;
    }

    /** The file bound to {@code type}; an empty file or one that is not an object is an error naming {@code shape}. */
    public <T> T read(Path file, Class<T> type, String shape) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw error.apply(kind + " " + file + " does not exist");
        } catch (IOException e) {
            throw error.apply("cannot read " + kind + " " + file + ": " + firstLine(e.getMessage()));
        }
        return parse(text, kind + " " + file, type, shape);
    }

    /** The same from text; {@code source} names it in messages. */
    public <T> T parse(String text, String source, Class<T> type, String shape) {
        JsonNode root;
        try {
            root = Json.configYaml().readTree(text);
        } catch (IOException e) {
            throw error.apply(source + " is not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw error.apply(source + " must be a YAML or JSON object" + (shape.isEmpty() ? "" : " " + shape));
        }
        return bind(root, type, source);
    }

    /** A part of a document bound on its own (a value whose shape the loader decides, such as "off" or an object). */
    public <T> T bind(JsonNode node, Class<T> type, String where) {
        try {
            return Json.configYaml().treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw error.apply(located(where, e));
        } catch (IOException e) {
            throw error.apply(where + " is not valid YAML or JSON: " + firstLine(e.getMessage()));
        }
    }

    /** "source: what is wrong (at path)", or "source is not valid YAML or JSON: ..." for a syntax error. */
    public static String located(String source, JsonMappingException e) {
        String text = describe(e);
        return text.startsWith("is not valid") ? source + " " + text : source + ": " + text;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' at " + path + known(u.getKnownPropertyIds());
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("while ")) {
            return "is not valid YAML or JSON: "
                    + parserMessage(e.getOriginalMessage()); // a syntax error, from the YAML parser
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !path.isEmpty()) {
            String field = "'" + path + "'";
            if (Collection.class.isAssignableFrom(m.getTargetType())) {
                return field + " must be a list";
            }
            if (m.getTargetType() == Boolean.class || m.getTargetType() == boolean.class) {
                return field + " must be true or false";
            }
            if (Number.class.isAssignableFrom(m.getTargetType())
                    || m.getTargetType().isPrimitive()) {
                return field + " must be a number";
            }
        }
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
        return (cause != null ? cause.getMessage() : parserMessage(e.getOriginalMessage()))
                + (path.isEmpty() ? "" : " (at " + path + ")");
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return "; known: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** The YAML parser's multi-line message (with a caret under the spot) as one line. */
    private static String parserMessage(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.equals("^"))
                .distinct()
                .collect(Collectors.joining(" "));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : Texts.firstLine(message);
    }
}
