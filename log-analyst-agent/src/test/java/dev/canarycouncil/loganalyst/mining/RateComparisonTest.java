package dev.canarycouncil.loganalyst.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.LogIngestion;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Side;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateComparisonTest {

    private static final RateComparison RATES = RateComparison.defaults();

    /** Canary and stable logs with {@code lines} records each, {@code canaryHits}/{@code stableHits} of them errors. */
    private static List<TemplateDelta> compare(int canaryLines, int canaryHits, int stableLines, int stableHits)
            throws Exception {
        LogIngestion ingestion = new LogIngestion(IngestLimits.defaults(), new TemplateMiner(new TokenMasker(), 1000));
        ingestion.read(Side.CANARY, "c", new StringReader(log(canaryLines, canaryHits)));
        ingestion.read(Side.STABLE, "s", new StringReader(log(stableLines, stableHits)));
        return RATES.compare(
                ingestion.miner().templates(), ingestion.events(Side.CANARY), ingestion.events(Side.STABLE));
    }

    private static String log(int lines, int hits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            s.append(
                            i < hits
                                    ? "level=error msg=\"payment timeout\" order=" + i
                                    : "level=info msg=\"order placed\" order=" + i)
                    .append('\n');
        }
        return s.toString();
    }

    private static TemplateDelta error(List<TemplateDelta> deltas) {
        return deltas.stream()
                .filter(d -> d.stats().template().contains("payment timeout"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sameRateOnBothSidesIsNoChange() throws Exception {
        TemplateDelta d = error(compare(1000, 20, 3000, 60));
        assertEquals(TemplateDelta.Change.NO_CHANGE, d.change());
        assertEquals(1.0, d.rateRatio(), 1e-9);
        assertTrue(d.pValue() > 0.3, "p=" + d.pValue());
    }

    @Test
    void aTenfoldRateIsMoreFrequentWithATinyPValue() throws Exception {
        TemplateDelta d = error(compare(1000, 100, 3000, 30));
        assertEquals(TemplateDelta.Change.MORE_FREQUENT, d.change());
        assertEquals(10.0, d.rateRatio(), 1e-9);
        assertTrue(d.pValue() < 1e-20, "p=" + d.pValue());
    }

    @Test
    void aSmallIncreaseThatChanceExplainsIsNotFlagged() throws Exception {
        assertEquals(
                TemplateDelta.Change.NO_CHANGE, error(compare(1000, 4, 3000, 6)).change());
    }

    @Test
    void aNewTemplateNeedsTheMinimumCount() throws Exception {
        assertEquals(
                TemplateDelta.Change.NEW_IN_CANARY,
                error(compare(1000, 3, 3000, 0)).change());
        assertEquals(
                TemplateDelta.Change.NO_CHANGE, error(compare(1000, 2, 3000, 0)).change());
    }

    @Test
    void withoutAStableLogThereIsNoBaseline() throws Exception {
        assertEquals(
                TemplateDelta.Change.NO_BASELINE, error(compare(1000, 50, 0, 0)).change());
    }

    @Test
    void pValueMatchesTheExactBinomialTail() {
        // 5 of 5 occurrences on a side holding half the records: 0.5^5.
        assertEquals(1.0 / 32, RateComparison.pValue(5, 0, 100, 100), 1e-12);
    }
}
