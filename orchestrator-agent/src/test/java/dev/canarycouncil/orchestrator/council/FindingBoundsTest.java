package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.PodConditionEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FindingBoundsTest {

    private static PodConditionEvidence pod(int i) {
        return new PodConditionEvidence(
                "pod " + i + " restarts",
                Severity.WARNING,
                "web-" + i,
                "canary",
                "app",
                "CrashLoopBackOff",
                null,
                1,
                0);
    }

    private static LogTemplateEvidence log(List<String> samples) {
        return new LogTemplateEvidence(
                "panic",
                Severity.CRITICAL,
                "panic: <*>",
                "go-panic",
                "main.go:10",
                "main",
                5,
                0,
                100,
                100,
                Instant.parse("2025-06-01T10:00:00Z"),
                samples,
                "web-1/app");
    }

    @Test
    void anOversizedFindingIsTrimmedToTheCapsAndSaysSo() {
        List<Evidence> evidence = IntStream.range(0, 500)
                .<Evidence>mapToObj(FindingBoundsTest::pod)
                .toList();
        List<String> notes = IntStream.range(0, 100).mapToObj(i -> "note " + i).toList();
        String summary = "s".repeat(1024 * 1024);
        Finding f = new Finding("flooder", Decision.ROLLBACK, 90, summary, evidence, notes);

        Finding b = FindingBounds.apply(f);

        assertEquals("flooder", b.agent());
        assertEquals(Decision.ROLLBACK, b.verdict());
        assertEquals(90, b.confidence());
        assertEquals(FindingBounds.MAX_EVIDENCE, b.evidence().size());
        assertEquals(
                evidence.subList(0, FindingBounds.MAX_EVIDENCE), b.evidence(), "the strongest (first) items are kept");
        assertTrue(
                b.summary().length() <= FindingBounds.MAX_SUMMARY + 1,
                "summary of " + b.summary().length());
        assertTrue(b.summary().startsWith("s".repeat(FindingBounds.MAX_SUMMARY)));
        assertEquals(FindingBounds.MAX_NOTES + 1, b.notes().size());
        assertEquals(notes.subList(0, FindingBounds.MAX_NOTES), b.notes().subList(0, FindingBounds.MAX_NOTES));
        String last = b.notes().get(b.notes().size() - 1);
        assertTrue(last.contains("trimmed"), last);
        assertTrue(last.contains("500 evidence items"), last);
        assertTrue(last.contains("100 notes"), last);
        assertTrue(last.contains("1048576-character summary"), last);
    }

    @Test
    void eachCapAloneTriggersTheTrimNote() {
        Finding manyEvidence = new Finding(
                "a",
                Decision.PROMOTE,
                70,
                "ok",
                IntStream.range(0, FindingBounds.MAX_EVIDENCE + 1)
                        .<Evidence>mapToObj(FindingBoundsTest::pod)
                        .toList(),
                List.of());
        assertEquals(
                FindingBounds.MAX_EVIDENCE,
                FindingBounds.apply(manyEvidence).evidence().size());
        assertTrue(FindingBounds.apply(manyEvidence).notes().get(0).contains("trimmed"));

        Finding longSummary =
                new Finding("a", Decision.PROMOTE, 70, "x".repeat(FindingBounds.MAX_SUMMARY + 1), List.of(), List.of());
        assertEquals(1, FindingBounds.apply(longSummary).notes().size());

        Finding atTheCaps = new Finding(
                "a",
                Decision.PROMOTE,
                70,
                "x".repeat(FindingBounds.MAX_SUMMARY),
                IntStream.range(0, FindingBounds.MAX_EVIDENCE)
                        .<Evidence>mapToObj(FindingBoundsTest::pod)
                        .toList(),
                IntStream.range(0, FindingBounds.MAX_NOTES)
                        .mapToObj(i -> "n" + i)
                        .toList());
        assertEquals(atTheCaps, FindingBounds.apply(atTheCaps), "exactly at the caps nothing is trimmed");
    }

    @Test
    void longNotesAndLogSamplesAreCut() {
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            samples.add("line " + i + " " + "y".repeat(5000));
        }
        Finding f =
                new Finding("a", Decision.ROLLBACK, 70, "panics", List.of(log(samples)), List.of("n".repeat(10_000)));
        Finding b = FindingBounds.apply(f);
        assertTrue(
                b.notes().get(0).length() <= FindingBounds.MAX_NOTE + 1,
                "note of " + b.notes().get(0).length());
        LogTemplateEvidence l = (LogTemplateEvidence) b.evidence().get(0);
        assertEquals(FindingBounds.MAX_SAMPLES, l.samples().size());
        assertTrue(l.samples().stream().allMatch(s -> s.length() <= FindingBounds.MAX_SAMPLE + 1));
        assertTrue(l.samples().get(0).startsWith("line 0 "));
        assertEquals("panic: <*>", l.template());
        assertEquals(5, l.canaryCount());
    }

    @Test
    void aNormalFindingIsUnchanged() {
        Finding f = new Finding(
                "logs",
                Decision.ROLLBACK,
                85,
                "the canary panics on every request",
                List.of(log(List.of("panic: index out of range")), pod(1)),
                List.of("logs truncated at 10k lines"));
        Finding b = FindingBounds.apply(f);
        assertEquals(f, b);
        assertSame(f.evidence().get(0), b.evidence().get(0), "evidence within the bounds is passed on as is");
    }
}
