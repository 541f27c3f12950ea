package dev.canarycouncil.loganalyst.bench;

import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import dev.canarycouncil.loganalyst.ingest.RecordStream;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.signatures.CrashDetector;
import dev.canarycouncil.loganalyst.signatures.CrashSignature;
import dev.canarycouncil.runtime.text.Texts;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a labelled sample with the log analyst's pipeline and compares every record with its label. */
public final class FormatScorer {

    private static final int MAX_PROBLEMS = 20;

    private FormatScorer() {}

    public static FormatScore score(FormatSample sample) {
        Map<Long, LogEvent> found = new LinkedHashMap<>();
        try {
            new RecordStream(IngestLimits.defaults())
                    .read(
                            Side.CANARY,
                            sample.name(),
                            new StringReader(sample.text()),
                            Long.MAX_VALUE,
                            (event, line) -> found.put(line, event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CrashDetector crashes = new CrashDetector();
        List<String> problems = new ArrayList<>();
        List<FormatSample.Expected> expected = sample.counted();
        java.util.Set<Long> plainLines = new java.util.HashSet<>();
        sample.records().stream()
                .filter(FormatSample.Expected::plainLine)
                .forEach(r -> plainLines.add((long) r.line()));
        long recognised = 0;
        long levels = 0;
        long timestamps = 0;
        long timestampsRight = 0;
        long located = 0;
        for (int i = 0; i < expected.size(); i++) {
            FormatSample.Expected want = expected.get(i);
            LogEvent got = found.get((long) want.line());
            if (want.timestamp() != null) {
                timestamps++;
            }
            if (got == null) {
                problem(problems, want.line(), "no record starts here");
                continue;
            }
            long nextStart = i + 1 < expected.size() ? expected.get(i + 1).line() : Long.MAX_VALUE;
            Long split = found.keySet().stream()
                    .filter(l -> l > want.line() && l < nextStart && !plainLines.contains(l))
                    .findFirst()
                    .orElse(null);
            if (split != null) {
                problem(problems, want.line(), "the record is split: another starts at line " + split);
                continue;
            }
            if (!got.recognised()) {
                problem(problems, want.line(), "no known format wrote this line: " + abbreviate(got.header()));
                continue;
            }
            recognised++;
            CrashSignature crash = crashes.detect(got);
            // An uncaught crash is fatal whatever level its first line shows (winston's uncaughtException).
            Level level = crash != null && crash.uncaught() ? Level.FATAL : got.level();
            if (level.name().equals(want.level())) {
                levels++;
            } else {
                problem(problems, want.line(), "level " + level + ", labelled " + want.level());
            }
            if (want.timestamp() != null) {
                if (want.timestamp().equals(got.timestamp())) {
                    timestampsRight++;
                } else {
                    problem(problems, want.line(), "time " + got.timestamp() + ", labelled " + want.timestamp());
                }
            }
            if (want.exception() != null) {
                boolean typeRight = want.exception().type() == null
                        || crash != null
                                && sameType(crash.exception(), want.exception().type());
                if (crash != null
                        && typeRight
                        && (want.exception().location() == null
                                || want.exception().location().equals(crash.location()))) {
                    located++;
                } else {
                    problem(
                            problems,
                            want.line(),
                            "exception "
                                    + (crash == null ? "not recognised" : crash.exception() + " at " + crash.location())
                                    + ", labelled " + want.exception().type() + " at "
                                    + want.exception().location());
                }
            }
        }
        return new FormatScore(
                sample.name(),
                expected.size(),
                recognised,
                levels,
                timestamps,
                timestampsRight,
                sample.exceptions(),
                located,
                problems);
    }

    /** {@code java.lang.NullPointerException} is the labelled {@code NullPointerException}, and the other way round. */
    private static boolean sameType(String got, String want) {
        if (got == null || want == null) {
            return false;
        }
        return got.equals(want)
                || got.endsWith("." + want)
                || want.endsWith("." + got)
                || got.endsWith("::" + want)
                || want.endsWith("\\" + got)
                || got.endsWith("\\" + want);
    }

    private static void problem(List<String> problems, int line, String what) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("line " + line + ": " + what);
        }
    }

    private static String abbreviate(String s) {
        return Texts.abbreviate(s, 100);
    }
}
