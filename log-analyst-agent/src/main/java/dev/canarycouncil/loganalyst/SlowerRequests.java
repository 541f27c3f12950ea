package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.latency.LatencyComparison;
import dev.canarycouncil.loganalyst.latency.LatencyShift;
import dev.canarycouncil.loganalyst.mining.TemplateStats;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Templates whose records take longer on the canary than on the stable, by the durations the
 * records state: latency as a logs-only setup can see it.
 */
final class SlowerRequests {

    private static final int MAX_EVIDENCE = 3;

    private SlowerRequests() {}

    /** The slowed templates, the clearest first, each with the confidence it alone gives a rollback. */
    static Result find(List<TemplateStats> templates, OperatorHints hints) {
        List<Slowdown> found = new ArrayList<>();
        int compared = 0;
        for (TemplateStats t : templates) {
            if (t.level().atLeast(Level.WARN) || hints.ignores(t.template())) {
                continue;
            }
            Optional<LatencyShift> shift =
                    LatencyComparison.compare(t.durations(Side.CANARY), t.durations(Side.STABLE));
            if (shift.isPresent()) {
                compared++;
                if (LatencyComparison.slower(shift.get())) {
                    found.add(new Slowdown(evidence(t, shift.get()), confidence(shift.get())));
                }
            }
        }
        found.sort(Comparator.comparingInt(Slowdown::confidence)
                .reversed()
                .thenComparingLong(s -> -s.evidence().canaryCount()));
        return new Result(found.size() > MAX_EVIDENCE ? List.copyOf(found.subList(0, MAX_EVIDENCE)) : found, compared);
    }

    /**
     * @param slower    the slowed templates, at most three
     * @param compared  templates whose durations both sides stated often enough to compare
     */
    record Result(List<Slowdown> slower, int compared) {}

    record Slowdown(LogLatencyEvidence evidence, int confidence) {}

    /** A larger slowdown and a smaller p-value make it more convincing; timings alone never make it certain. */
    private static int confidence(LatencyShift shift) {
        double ratio = Math.min(8, shift.ratio());
        double fromRatio = 10 * Math.log(ratio) / Math.log(2);
        double fromP = Math.min(6, -Math.log10(Math.max(shift.pValue(), 1e-300)) / 5);
        return (int) Math.round(Math.min(88, 70 + fromRatio + fromP));
    }

    private static LogLatencyEvidence evidence(TemplateStats t, LatencyShift shift) {
        String template = t.template().length() > 160 ? t.template().substring(0, 159) + "…" : t.template();
        String description = String.format(
                Locale.ROOT,
                "Slower on the canary: \"%s\" took %s at the median and %s at p95 on the canary (%d records) against %s and %s on the"
                        + " stable (%d), x%.1f, p=%.1e",
                template,
                shift.unit().format(shift.canaryP50()),
                shift.unit().format(shift.canaryP95()),
                shift.canaryCount(),
                shift.unit().format(shift.stableP50()),
                shift.unit().format(shift.stableP95()),
                shift.stableCount(),
                shift.ratio(),
                shift.pValue());
        List<String> samples = t.samples(Side.CANARY);
        return new LogLatencyEvidence(
                description,
                Severity.ERROR,
                t.template(),
                shift.unit(),
                shift.canaryCount(),
                shift.stableCount(),
                shift.canaryP50(),
                shift.canaryP95(),
                shift.stableP50(),
                shift.stableP95(),
                shift.pValue(),
                samples.subList(0, Math.min(2, samples.size())),
                "canary: " + String.join(", ", t.canarySources()));
    }
}
