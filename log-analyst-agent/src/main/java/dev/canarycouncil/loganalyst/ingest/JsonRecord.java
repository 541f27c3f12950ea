package dev.canarycouncil.loganalyst.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One line of a structured (JSON) log, as zap, logrus, pino, bunyan, logstash-logback-encoder or
 * ECS write it: always one whole record. Its time and level come from the usual fields; the rest
 * is rendered as {@code key=value} words (nested objects with dotted keys) so templates are mined
 * from what the record says rather than from a line whose first token holds the timestamp; a
 * multi-line string (a stack trace in {@code stack_trace}) becomes the record's continuation
 * lines, where the crash detector reads frames.
 *
 * @param text   the record rendered for mining and for samples
 * @param lines  continuation lines taken from multi-line values
 */
public record JsonRecord(Instant timestamp, Level level, String text, List<String> lines) {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Set<String> TIME_KEYS =
            Set.of("time", "timestamp", "ts", "@timestamp", "t", "asctime", "date", "@t");
    private static final Set<String> LEVEL_KEYS =
            Set.of("level", "severity", "lvl", "log.level", "levelname", "loglevel", "@l", "severitytext");
    private static final int MAX_DEPTH = 4;

    /** The record, or null when the line is not one JSON object. */
    public static JsonRecord parse(String line) {
        String s = line.strip();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            return null;
        }
        try (JsonParser parser = FACTORY.createParser(s)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Reading reading = new Reading();
            readObject(parser, "", 0, reading);
            if (parser.nextToken() != null) {
                return null; // trailing content: not one object
            }
            return new JsonRecord(
                    reading.timestamp, reading.level, reading.text.toString().strip(), reading.lines);
        } catch (IOException e) {
            return null; // not JSON after all: the line is read as plain text
        }
    }

    private static final class Reading {
        Instant timestamp;
        Level level;
        final StringBuilder text = new StringBuilder(128);
        final List<String> lines = new ArrayList<>(0);
    }

    private static void readObject(JsonParser parser, String prefix, int depth, Reading reading) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token == null) {
                throw new IOException("unterminated object");
            }
            String key = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (depth + 1 < MAX_DEPTH) {
                    readObject(parser, key + ".", depth + 1, reading);
                } else {
                    parser.skipChildren();
                    reading.text.append(' ').append(key).append("={…}");
                }
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                reading.text.append(' ').append(key).append("=[…]");
            } else {
                scalar(parser, key, value, reading);
            }
        }
    }

    private static void scalar(JsonParser parser, String key, JsonToken value, Reading reading) throws IOException {
        String lower = key.toLowerCase(Locale.ROOT);
        if (reading.timestamp == null && TIME_KEYS.contains(lower)) {
            reading.timestamp = value == JsonToken.VALUE_STRING
                    ? LogTimestamps.leading(parser.getText())
                    : value.isNumeric() ? epoch(parser.getDecimalValue()) : null;
            if (reading.timestamp != null) {
                return; // a time varies on every line: it is not part of what the record says
            }
        }
        if (reading.level == null && LEVEL_KEYS.contains(lower)) {
            reading.level = value == JsonToken.VALUE_STRING
                    ? LevelWords.named(parser.getText(), true)
                    : value.isNumeric() ? pinoLevel(parser.getIntValue()) : null;
        }
        String text = parser.getText();
        if (value == JsonToken.VALUE_STRING && text.indexOf('\n') >= 0) {
            for (String l : text.split("\r?\n")) {
                if (!l.isBlank()) {
                    reading.lines.add(l);
                }
            }
            reading.text.append(' ').append(key).append("=(below)");
            return;
        }
        reading.text.append(' ').append(key).append('=');
        if (value == JsonToken.VALUE_STRING && (text.isEmpty() || text.indexOf(' ') >= 0 || text.indexOf('"') >= 0)) {
            reading.text.append('"').append(text.replace("\"", "\\\"")).append('"');
        } else {
            reading.text.append(text);
        }
    }

    /** Seconds (zap's float {@code ts}), milliseconds (pino, bunyan), micro- or nanoseconds, by magnitude. */
    private static Instant epoch(BigDecimal value) {
        BigDecimal nanos;
        double magnitude = Math.abs(value.doubleValue());
        if (magnitude < 1e11) {
            nanos = value.movePointRight(9);
        } else if (magnitude < 1e14) {
            nanos = value.movePointRight(6);
        } else if (magnitude < 1e17) {
            nanos = value.movePointRight(3);
        } else {
            nanos = value;
        }
        long n = nanos.longValue();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    /** pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
    private static Level pinoLevel(int level) {
        if (level >= 60) {
            return Level.FATAL;
        }
        if (level >= 50) {
            return Level.ERROR;
        }
        if (level >= 40) {
            return Level.WARN;
        }
        return level >= 30 ? Level.INFO : Level.DEBUG;
    }
}
