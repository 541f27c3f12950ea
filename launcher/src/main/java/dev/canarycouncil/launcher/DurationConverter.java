package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.config.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code 90s}, {@code 2m}, {@code 1h30m}, {@code 500ms} or bare seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
