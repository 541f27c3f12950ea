package dev.canarycouncil.loganalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.incremental.TemplateSequences;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.RateComparison;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogJudgeTest {

    private final LogJudge judge = new LogJudge("log-analyst", RateComparison.defaults());

    private static String served(int n, String colour) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("time=\"2026-05-05T10:00:")
                    .append(String.format("%02d", i % 60))
                    .append("Z\" level=info msg=\"request served\" ")
                    .append("status=200 duration=")
                    .append(10 + i % 7)
                    .append("ms color=")
                    .append(colour)
                    .append('\n');
        }
        return s.toString();
    }

    private Finding judge(String canary, String stable, String hints) throws Exception {
        LogIngestion logs = new LogIngestion(IngestLimits.defaults(), new TemplateMiner(new TokenMasker(), 1000));
        logs.read(Side.CANARY, "canary-pod/app", new StringReader(canary));
        if (stable != null) {
            logs.read(Side.STABLE, "stable-pod/app", new StringReader(stable));
        }
        return judge.judge(
                new LogEvidence(logs, List.of(), 1, OperatorHints.parse(hints), List.of(), new TemplateSequences()));
    }

    @Test
    void aNewColourAndVersionIsABenignChange() throws Exception {
        Finding f = judge(
                "level=info msg=\"starting checkout\" version=1.9.0\n" + served(300, "yellow"),
                served(900, "blue"),
                null);
        assertEquals(Decision.PROMOTE, f.verdict(), f::toString);
        assertTrue(f.confidence() >= 80, "300 canary records read: " + f.confidence());
        assertTrue(
                f.evidence().stream().noneMatch(e -> e.severity().compareTo(Severity.WARNING) >= 0),
                f.evidence()::toString);
    }

    @Test
    void aNewErrorTemplateIsARollbackNamingItsCounts() throws Exception {
        String errors = "level=error msg=\"charge failed\" error=\"context deadline exceeded\" order=1\n".repeat(12);
        Finding f = judge(served(300, "blue") + errors, served(900, "blue"), null);
        assertEquals(Decision.ROLLBACK, f.verdict());
        LogTemplateEvidence e = (LogTemplateEvidence) f.evidence().get(0);
        assertEquals(12, e.canaryCount());
        assertEquals(0, e.stableCount());
        assertEquals(312, e.canaryTotal());
        assertTrue(e.description().startsWith("New error on the canary"), e.description());
        assertEquals(3, e.samples().size());
    }

    @Test
    void aWarningSurgeAloneLowersConfidenceButPromotes() throws Exception {
        String slow = "level=warning msg=\"slow request\" took=900ms\n";
        Finding calm = judge(served(300, "blue"), served(900, "blue"), null);
        Finding warned = judge(served(300, "blue") + slow.repeat(30), served(900, "blue") + slow.repeat(3), null);
        assertEquals(Decision.PROMOTE, warned.verdict());
        assertTrue(warned.confidence() < calm.confidence());
        assertTrue(warned.summary().contains("warnings rose"));
    }

    @Test
    void anOperatorHintSilencesMatchingTemplatesButNeverACrash() throws Exception {
        String colourErrors = "level=error msg=\"unknown colour\" color=yellow\n".repeat(10);
        assertEquals(
                Decision.ROLLBACK,
                judge(served(300, "blue") + colourErrors, served(900, "blue"), null)
                        .verdict());
        Finding hinted = judge(served(300, "blue") + colourErrors, served(900, "blue"), "ignore colour changes");
        assertEquals(Decision.PROMOTE, hinted.verdict(), hinted::toString);
        assertTrue(hinted.notes().stream().anyMatch(n -> n.contains("ignored as the operator hint asks")));

        Finding crash = judge(
                served(300, "blue") + "panic: colour table corrupt\n", served(900, "blue"), "ignore colour changes");
        assertEquals(Decision.ROLLBACK, crash.verdict());
    }

    @Test
    void tooFewCanaryRecordsAndNoStableAreSaidPlainly() throws Exception {
        // A service that logs no requests: five records are little to judge from, but nothing failed.
        String jobs = "level=info msg=\"export finished\" rows=120\n";
        Finding few = judge(jobs.repeat(5), jobs.repeat(900), null);
        assertEquals(Decision.PROMOTE, few.verdict());
        assertEquals(50, few.confidence());
        // One that logs its requests (900 on the stable) with five on the canary: too little traffic, as for metrics.
        Finding quiet = judge(served(5, "blue"), served(900, "blue"), null);
        assertEquals(Decision.INCONCLUSIVE, quiet.verdict(), quiet::toString);
        assertTrue(
                quiet.summary().startsWith("Too little canary traffic in the logs to judge: 5 request(s)"),
                quiet.summary());
        // A timed start-up line is no request log: it does not make a quiet canary inconclusive.
        String started = "level=info msg=\"started\" took=3.1s\n";
        assertEquals(
                Decision.PROMOTE,
                judge(started + jobs.repeat(40), started + jobs.repeat(900), null)
                        .verdict());
        Finding alone = judge(served(300, "blue"), null, null);
        assertTrue(alone.notes().stream().anyMatch(n -> n.startsWith("no stable logs to compare with")));
        assertTrue(alone.confidence()
                < judge(served(300, "blue"), served(900, "blue"), null).confidence());
    }

    private static String piped(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("bridge|req|POST /bridge/invoice|st=200|ms=")
                    .append(10 + i % 9)
                    .append('\n');
        }
        return s.toString();
    }

    @Test
    void logsInNoKnownFormatAreABlindSpotNotAPromotion() throws Exception {
        Finding f = judge(piped(300), piped(900), null);
        assertEquals(Decision.INCONCLUSIVE, f.verdict(), f::toString);
        assertEquals(0, f.confidence());
        BlindSpot canary = f.blindSpots().stream()
                .filter(b -> b.subject().equals("canary logs"))
                .findFirst()
                .orElseThrow();
        assertEquals(BlindSpot.Kind.UNREADABLE, canary.kind());
        assertTrue(canary.detail().startsWith("300 of 300 lines are in no log format"), canary.detail());
        assertTrue(canary.samples().get(0).startsWith("bridge|req|POST /bridge/invoice"), canary.samples()::toString);
        LogCoverageEvidence coverage = f.evidence().stream()
                .filter(LogCoverageEvidence.class::isInstance)
                .map(LogCoverageEvidence.class::cast)
                .filter(c -> c.side().equals("canary"))
                .findFirst()
                .orElseThrow();
        assertEquals(300, coverage.lines());
        assertEquals(0.0, coverage.recognisedShare());
        assertEquals(Severity.WARNING, coverage.severity());
    }

    @Test
    void aCrashIsJudgedEvenWhereTheRestIsUnreadable() throws Exception {
        String panic =
                "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.pick(...)\n"
                        + "\t/app/main.go:42 +0x1d\n";
        Finding f = judge(piped(300) + panic, piped(900), null);
        assertEquals(Decision.ROLLBACK, f.verdict(), f::toString);
        assertTrue(f.confidence() >= 90, f::toString);
        assertEquals(
                BlindSpot.Kind.UNREADABLE, f.blindSpots().get(0).kind(), "and it still says what it could not read");
    }

    @Test
    void readableLogsReportTheirCoverageWithoutABlindSpot() throws Exception {
        Finding f = judge(served(300, "yellow"), served(900, "blue"), null);
        assertTrue(f.blindSpots().isEmpty(), f.blindSpots()::toString);
        assertTrue(
                f.evidence().stream()
                        .filter(LogCoverageEvidence.class::isInstance)
                        .map(LogCoverageEvidence.class::cast)
                        .allMatch(c -> c.recognisedShare() == 1.0 && c.severity() == Severity.INFO),
                f.evidence()::toString);
    }

    /** Access lines with nginx's $request_time appended, around {@code medianMs} (seeded jitter). */
    private static String timedAccess(int n, double medianMs, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double ms = medianMs * (0.6 + 0.8 * random.nextDouble());
            s.append(String.format(
                    java.util.Locale.ROOT,
                    "10.244.0.%d - - [05/May/2026:10:%02d:%02d +0000] \"GET /api/products/ HTTP/1.1\""
                            + " 200 %d \"-\" \"okhttp/4.12.0\" %.3f%n",
                    i % 200,
                    i / 60 % 60,
                    i % 60,
                    300 + i % 700,
                    ms / 1000));
        }
        return s.toString();
    }

    @Test
    void requestsSlowerOnTheCanaryAreARollbackEvenWithoutMetrics() throws Exception {
        Finding f = judge(timedAccess(300, 110, 1), timedAccess(900, 36, 2), null);
        assertEquals(Decision.ROLLBACK, f.verdict(), f::toString);
        assertTrue(
                f.summary().startsWith("Slower on the canary: ") && f.summary().contains("GET /api/products/"),
                f.summary());
        LogLatencyEvidence e = (LogLatencyEvidence) f.evidence().stream()
                .filter(LogLatencyEvidence.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertEquals(300, e.canaryCount());
        assertEquals(900, e.stableCount());
        assertTrue(e.canaryP50() > 90 && e.canaryP50() < 130 && e.stableP50() > 28 && e.stableP50() < 44, e::toString);
        assertTrue(e.description().contains(" ms at p95"), e.description());
        assertTrue(f.confidence() >= 75 && f.confidence() <= 88, "timings alone are never certain: " + f.confidence());
    }

    @Test
    void requestsAsFastAsTheStableAreComparedAndSaidToBe() throws Exception {
        Finding f = judge(timedAccess(300, 37, 1), timedAccess(900, 36, 2), null);
        assertEquals(Decision.PROMOTE, f.verdict(), f::toString);
        assertTrue(f.summary().contains("request durations of 1 template(s) compared, none slower"), f.summary());
        assertTrue(f.evidence().stream().noneMatch(LogLatencyEvidence.class::isInstance));
    }

    @Test
    void anOperatorHintCanSilenceASlowdownItExpects() throws Exception {
        Finding f = judge(
                timedAccess(300, 110, 1), timedAccess(900, 36, 2), "ignore /api/products, it is expected to be slower");
        assertEquals(Decision.PROMOTE, f.verdict(), f::toString);
    }
}
