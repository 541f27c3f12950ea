package dev.canarycouncil.metrics.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeptStepsTest {

    private static final Instant FIRST = Instant.parse("2026-05-05T10:01:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final KeptSteps.Key KEY = new KeptSteps.Key("sum(increase(errors[60s]))", FIRST, STEP);

    /** A metrics source whose value at a step is what was written there, answering like a range query. */
    private static final class Source implements KeptSteps.Source {
        final TreeMap<Long, Double> written = new TreeMap<>();
        final List<Instant[]> asked = new ArrayList<>();

        @Override
        public List<double[]> points(Instant from, Instant to) {
            asked.add(new Instant[] {from, to});
            List<double[]> points = new ArrayList<>();
            for (Map.Entry<Long, Double> e : written.subMap(from.getEpochSecond(), true, to.getEpochSecond(), true)
                    .entrySet()) {
                points.add(new double[] {e.getKey(), e.getValue()});
            }
            return points;
        }

        void write(int minute, double value) {
            written.put(FIRST.plus(STEP.multipliedBy(minute)).getEpochSecond(), value);
        }
    }

    private static Instant minute(int m) {
        return FIRST.plus(STEP.multipliedBy(m));
    }

    @Test
    void eachCallAsksOnlyForTheStepsSinceTheNewestKeptOnesAndAnswersAsAWholeRead() {
        Source source = new Source();
        KeptSteps kept = new KeptSteps(100, Duration.ofMinutes(30));
        for (int m = 0; m <= 59; m++) {
            source.write(m, m % 7);
            SortedMap<Long, Double> steps = kept.steps(KEY, minute(m), source);
            assertEquals(source.written, steps, "call at minute " + m);
        }
        // 60 calls; after the first, each reads again the step before the newest and the new one.
        assertEquals(60, source.asked.size());
        for (int call = 2; call < 60; call++) {
            Instant[] asked = source.asked.get(call);
            assertEquals(minute(call - 2), asked[0], "call " + call);
            assertEquals(minute(call), asked[1]);
        }
    }

    @Test
    void aLateScrapeOfTheNewestStepsIsReadWhenTheyAreAskedAgain() {
        Source source = new Source();
        KeptSteps kept = new KeptSteps(100, Duration.ofMinutes(30));
        for (int m = 0; m <= 4; m++) {
            source.write(m, 1);
        }
        kept.steps(KEY, minute(4), source);
        source.write(4, 9); // the scrape for minute 4 landed after the first read
        source.write(5, 1);
        assertEquals(9.0, kept.steps(KEY, minute(5), source).get(minute(4).getEpochSecond()));
    }

    @Test
    void aStepThatIsGoneWhenReadAgainIsDropped() {
        Source source = new Source();
        KeptSteps kept = new KeptSteps(100, Duration.ofMinutes(30));
        source.write(0, 1);
        source.write(1, 1);
        kept.steps(KEY, minute(1), source);
        source.written.remove(minute(1).getEpochSecond());
        assertEquals(
                List.of(minute(0).getEpochSecond()),
                List.copyOf(kept.steps(KEY, minute(2), source).keySet()));
    }

    @Test
    void anotherQueryOrWindowStartIsReadOnItsOwn() {
        Source source = new Source();
        KeptSteps kept = new KeptSteps(100, Duration.ofMinutes(30));
        source.write(0, 1);
        source.write(1, 2);
        kept.steps(KEY, minute(1), source);
        KeptSteps.Key later = new KeptSteps.Key(KEY.query(), minute(1), STEP);
        assertEquals(Map.of(minute(1).getEpochSecond(), 2.0), kept.steps(later, minute(1), source));
        KeptSteps.Key other = new KeptSteps.Key("sum(increase(requests[60s]))", FIRST, STEP);
        kept.steps(other, minute(1), source);
        assertEquals(FIRST, source.asked.get(source.asked.size() - 1)[0]);
    }

    @Test
    void anEarlierEndThanReadBeforeAnswersOnlyUpToIt() {
        Source source = new Source();
        KeptSteps kept = new KeptSteps(100, Duration.ofMinutes(30));
        for (int m = 0; m <= 5; m++) {
            source.write(m, m);
        }
        kept.steps(KEY, minute(5), source);
        assertEquals(3, kept.steps(KEY, minute(2), source).size());
    }
}
