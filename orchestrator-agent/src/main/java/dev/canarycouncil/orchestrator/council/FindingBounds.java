package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.text.Texts;
import java.util.List;

/**
 * Trims a member's finding to what a verdict can carry. Our own agents stay far inside these
 * bounds; a plug-in that sends thousands of evidence items or a megabyte summary would otherwise
 * bloat the verdict, the issue and every log line that quotes it.
 */
final class FindingBounds {

    static final int MAX_SUMMARY = 2_000;
    static final int MAX_EVIDENCE = 50;
    static final int MAX_NOTES = 20;
    static final int MAX_NOTE = 500;
    static final int MAX_SAMPLES = 5;
    static final int MAX_SAMPLE = 2_000;
    static final int MAX_BLIND_SPOTS = 10;

    private FindingBounds() {}

    static Finding apply(Finding f) {
        boolean trimmed = f.summary().length() > MAX_SUMMARY
                || f.evidence().size() > MAX_EVIDENCE
                || f.notes().size() > MAX_NOTES;
        List<Evidence> evidence = f.evidence().stream()
                .limit(MAX_EVIDENCE)
                .map(FindingBounds::bound)
                .toList();
        List<String> notes = new java.util.ArrayList<>(
                f.notes().stream().limit(MAX_NOTES).map(n -> cut(n, MAX_NOTE)).toList());
        if (trimmed) {
            notes.add("the coordinator trimmed this finding (" + f.evidence().size() + " evidence items, "
                    + f.notes().size() + " notes, " + f.summary().length() + "-character summary)");
        }
        List<BlindSpot> blindSpots = f.blindSpots().stream()
                .limit(MAX_BLIND_SPOTS)
                .map(b -> new BlindSpot(
                        b.kind(),
                        cut(b.subject(), MAX_NOTE),
                        cut(b.detail(), MAX_NOTE),
                        b.samples().stream()
                                .limit(MAX_SAMPLES)
                                .map(s -> cut(s, MAX_SAMPLE))
                                .toList()))
                .toList();
        return new Finding(
                f.agent(),
                f.verdict(),
                f.confidence(),
                cut(f.summary(), MAX_SUMMARY),
                evidence,
                notes,
                f.review(),
                blindSpots);
    }

    private static Evidence bound(Evidence e) {
        if (e instanceof LogTemplateEvidence l
                && (l.samples().size() > MAX_SAMPLES || l.samples().stream().anyMatch(s -> s.length() > MAX_SAMPLE))) {
            return l.toBuilder()
                    .samples(l.samples().stream()
                            .limit(MAX_SAMPLES)
                            .map(s -> cut(s, MAX_SAMPLE))
                            .toList())
                    .build();
        }
        if (e instanceof LogLatencyEvidence t && t.samples().stream().anyMatch(s -> s.length() > MAX_SAMPLE)) {
            return new LogLatencyEvidence(
                    t.description(),
                    t.severity(),
                    t.template(),
                    t.unit(),
                    t.canaryCount(),
                    t.stableCount(),
                    t.canaryP50(),
                    t.canaryP95(),
                    t.stableP50(),
                    t.stableP95(),
                    t.pValue(),
                    t.samples().stream()
                            .limit(MAX_SAMPLES)
                            .map(s -> cut(s, MAX_SAMPLE))
                            .toList(),
                    t.source());
        }
        return e;
    }

    /** A plug-in may leave a text out: absent stays absent. */
    private static String cut(String s, int max) {
        return s == null ? null : Texts.cut(s, max);
    }
}
