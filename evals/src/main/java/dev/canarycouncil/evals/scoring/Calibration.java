package dev.canarycouncil.evals.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * How well stated confidence matches how often the decision is right. Each analysis is a
 * forecast "my decision is right with probability confidence/100"; the outcome is whether it was.
 */
public final class Calibration {

    /** One reliability-diagram bin: forecasts in [from, to). */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

    public static final int BINS = 10;

    private Calibration() {}

    /** Mean squared difference between forecast and outcome (0 is perfect, 0.25 is a coin at 50 %). */
    public static double brier(List<CaseResult> cases) {
        return scored(cases).stream()
                .mapToDouble(c -> {
                    double p = c.confidence() / 100.0;
                    double o = c.correct() ? 1 : 0;
                    return (p - o) * (p - o);
                })
                .average()
                .orElse(Double.NaN);
    }

    /** Expected calibration error over {@link #BINS} equal-width bins, weighted by bin size. */
    public static double ece(List<CaseResult> cases) {
        List<CaseResult> scored = scored(cases);
        if (scored.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Bin b : bins(cases)) {
            sum += b.count() * Math.abs(b.accuracy() - b.meanConfidence());
        }
        return sum / scored.size();
    }

    public static List<Bin> bins(List<CaseResult> cases) {
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            double from = i / (double) BINS;
            double to = (i + 1) / (double) BINS;
            boolean last = i == BINS - 1;
            List<CaseResult> in = scored(cases).stream()
                    .filter(c -> {
                        double p = c.confidence() / 100.0;
                        return p >= from && (p < to || last && p <= to);
                    })
                    .toList();
            double conf = in.stream()
                    .mapToDouble(c -> c.confidence() / 100.0)
                    .average()
                    .orElse(0);
            double acc =
                    in.stream().mapToDouble(c -> c.correct() ? 1 : 0).average().orElse(0);
            bins.add(new Bin(from, to, in.size(), conf, acc));
        }
        return bins;
    }

    /** Failed analyses made no forecast. */
    private static List<CaseResult> scored(List<CaseResult> cases) {
        return cases.stream().filter(c -> c.decision() != null).toList();
    }
}
