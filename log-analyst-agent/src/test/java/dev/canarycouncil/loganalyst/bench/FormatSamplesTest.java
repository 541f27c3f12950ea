package dev.canarycouncil.loganalyst.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled log sample, written in its framework's documented format, is read record by record
 * as its labels say: each record found whole, with its level, its time where the line has a date,
 * and each exception with its type and top application frame.
 */
class FormatSamplesTest {

    static Stream<String> samples() {
        return FormatSamples.all().stream().map(FormatSample::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordOfTheSampleIsReadAsLabelled(String name) {
        FormatSample sample = FormatSamples.load(name);
        FormatScore score = FormatScorer.score(sample);
        assertTrue(
                score.perfect(),
                () -> String.format(
                        "%s: %d/%d records, %d levels, %d/%d timestamps, %d/%d exceptions:%n  %s",
                        name,
                        score.recognised(),
                        score.records(),
                        score.levels(),
                        score.timestampsRight(),
                        score.timestamps(),
                        score.exceptionsLocated(),
                        score.exceptions(),
                        String.join("\n  ", score.problems())));
    }
}
