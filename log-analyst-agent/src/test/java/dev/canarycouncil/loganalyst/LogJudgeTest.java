package dev.canarycouncil.loganalyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.LogIngestion;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.RateComparison;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import org.junit.jupiter.api.Test;

class LogJudgeTest {

    private final LogJudge judge = new LogJudge("log-analyst", RateComparison.defaults());

    private static String served(int n, String colour) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("time=\"2026-05-05T10:00:").append(String.format("%02d", i % 60)).append("Z\" level=info msg=\"request served\" ")
                    .append("status=200 duration=").append(10 + i % 7).append("ms color=").append(colour).append('\n');
        }
        return s.toString();
    }

    private Finding judge(String canary, String stable, String hints) throws Exception {
        LogIngestion logs = new LogIngestion(IngestLimits.defaults(), new TemplateMiner(new TokenMasker(), 1000));
        logs.read(Side.CANARY, "canary-pod/app", new StringReader(canary));
        if (stable != null) {
            logs.read(Side.STABLE, "stable-pod/app", new StringReader(stable));
        }
        return judge.judge(new LogEvidence(logs, List.of(), 1, OperatorHints.parse(hints), List.of()));
    }

    @Test
    void aNewColourAndVersionIsABenignChange() throws Exception {
        Finding f = judge("level=info msg=\"starting checkout\" version=1.9.0\n" + served(300, "yellow"),
                served(900, "blue"), null);
        assertEquals(Decision.PROMOTE, f.verdict(), f::toString);
        assertTrue(f.confidence() >= 80, "300 canary records read: " + f.confidence());
        assertTrue(f.evidence().stream().noneMatch(e -> e.severity().compareTo(Severity.WARNING) >= 0), f.evidence()::toString);
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
        assertEquals(Decision.ROLLBACK, judge(served(300, "blue") + colourErrors, served(900, "blue"), null).verdict());
        Finding hinted = judge(served(300, "blue") + colourErrors, served(900, "blue"), "ignore colour changes");
        assertEquals(Decision.PROMOTE, hinted.verdict(), hinted::toString);
        assertTrue(hinted.notes().stream().anyMatch(n -> n.contains("ignored as the operator hint asks")));

        Finding crash = judge(served(300, "blue") + "panic: colour table corrupt\n", served(900, "blue"), "ignore colour changes");
        assertEquals(Decision.ROLLBACK, crash.verdict());
    }

    @Test
    void tooFewCanaryRecordsAndNoStableAreSaidPlainly() throws Exception {
        Finding few = judge(served(5, "blue"), served(900, "blue"), null);
        assertEquals(Decision.PROMOTE, few.verdict());
        assertEquals(50, few.confidence());
        Finding alone = judge(served(300, "blue"), null, null);
        assertTrue(alone.notes().stream().anyMatch(n -> n.startsWith("no stable logs to compare with")));
        assertTrue(alone.confidence() < judge(served(300, "blue"), served(900, "blue"), null).confidence());
    }
}
