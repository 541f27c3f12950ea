package dev.canarycouncil.loganalyst.mining;

import dev.canarycouncil.loganalyst.ingest.Side;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Compares each template's rate on the canary with its rate on the stable, normalised by each
 * side's number of records. Given that a template occurred k times in total, under "same rate"
 * its canary count is binomial with the canary's share of all records; a one-sided exact test
 * asks whether the canary has more. The significance level is divided by the number of templates
 * tested (Bonferroni), so a log with hundreds of templates does not raise false alarms by chance.
 */
public final class RateComparison {

    private static final BinomialTest GREATER = BinomialTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

    private final double familyAlpha;
    private final int minCount;
    private final double minRatio;

    /**
     * @param familyAlpha  chance of any false alarm across all templates of one analysis
     * @param minCount     canary occurrences a template needs before it can be flagged
     * @param minRatio     how many times more frequent a template must be, beyond significance
     */
    public RateComparison(double familyAlpha, int minCount, double minRatio) {
        this.familyAlpha = familyAlpha;
        this.minCount = minCount;
        this.minRatio = minRatio;
    }

    public static RateComparison defaults() {
        return new RateComparison(0.01, 3, 2.0);
    }

    public int minCount() {
        return minCount;
    }

    /** Each template's significance level: the family's, shared among the templates the canary logged. */
    public double alphaPerTemplate(List<TemplateStats> templates) {
        long tested = templates.stream().filter(t -> t.count(Side.CANARY) > 0).count();
        return familyAlpha / Math.max(1, tested);
    }

    public List<TemplateDelta> compare(List<TemplateStats> templates, long canaryRecords, long stableRecords) {
        double alpha = alphaPerTemplate(templates);
        List<TemplateDelta> out = new ArrayList<>();
        for (TemplateStats t : templates) {
            long kc = t.count(Side.CANARY);
            long ks = t.count(Side.STABLE);
            if (kc == 0) {
                continue;
            }
            double canaryRate = canaryRecords == 0 ? 0 : (double) kc / canaryRecords;
            double stableRate = stableRecords == 0 ? 0 : (double) ks / stableRecords;
            if (stableRecords == 0) {
                out.add(new TemplateDelta(t, TemplateDelta.Change.NO_BASELINE, Double.NaN, Double.NaN, canaryRate, 0));
                continue;
            }
            double p = pValue(kc, ks, canaryRecords, stableRecords);
            double ratio = ks == 0 ? Double.POSITIVE_INFINITY : canaryRate / stableRate;
            TemplateDelta.Change change;
            if (ks == 0 && kc >= minCount) {
                change = TemplateDelta.Change.NEW_IN_CANARY;
            } else if (ks > 0 && kc >= minCount && p < alpha && ratio >= minRatio) {
                change = TemplateDelta.Change.MORE_FREQUENT;
            } else {
                change = TemplateDelta.Change.NO_CHANGE;
            }
            out.add(new TemplateDelta(t, change, p, ratio, canaryRate, stableRate));
        }
        return out;
    }

    /** P(canary count at least kc) when both sides share one rate. */
    public static double pValue(long kc, long ks, long canaryRecords, long stableRecords) {
        long trials = kc + ks;
        if (trials == 0 || canaryRecords == 0 || stableRecords == 0) {
            return 1;
        }
        double share = (double) canaryRecords / (canaryRecords + stableRecords);
        if (trials > Integer.MAX_VALUE) {
            // Astronomically large counts: the normal approximation is exact enough.
            double mean = trials * share;
            double sd = Math.sqrt(trials * share * (1 - share));
            return sd == 0
                    ? (kc > mean ? 0 : 1)
                    : 0.5 * org.apache.commons.numbers.gamma.Erfc.value((kc - mean) / (sd * Math.sqrt(2)));
        }
        return GREATER.test((int) trials, (int) kc, share).getPValue();
    }
}
