package dev.canarycouncil.evals.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    static final Expectation BROKEN = new Expectation(
            Decision.ROLLBACK, "go-panic", "panic in getColor", List.of("index out of range", "getColor"));
    static final Expectation HEALTHY = new Expectation(Decision.PROMOTE, "healthy", "none", List.of());

    static CaseResult result(String name, Expectation e, Decision d, int confidence, long ms, boolean hit) {
        return new CaseResult(name, e, d, confidence, hit, ms, 0, Map.of("b", Decision.PROMOTE), Map.of(), null, null);
    }

    @Test
    void ratesAreTakenOverTheRightPopulations() {
        List<CaseResult> rs = List.of(
                result("b1", BROKEN, Decision.ROLLBACK, 90, 100, true),
                result("b2", BROKEN, Decision.PROMOTE, 80, 200, false),
                result("b3", BROKEN, Decision.INCONCLUSIVE, 30, 300, false),
                result("b4", BROKEN, Decision.ROLLBACK, 85, 400, false),
                result("h1", HEALTHY, Decision.PROMOTE, 90, 500, false),
                result("h2", HEALTHY, Decision.ROLLBACK, 60, 600, false));
        Scorecard s = Scorecard.of(rs);
        assertEquals(3 / 6.0, s.accuracy(), 1e-9);
        assertEquals(1 / 4.0, s.falsePromote(), 1e-9, "of the four broken canaries, one promoted");
        assertEquals(1 / 2.0, s.falseRollback(), 1e-9, "of the two healthy ones, one rolled back");
        assertEquals(1 / 6.0, s.inconclusive(), 1e-9);
        assertEquals(1 / 2.0, s.rootCauseHit(), 1e-9, "of the two caught, one named the cause");
        assertEquals(300, s.p50Ms());
        assertEquals(600, s.p95Ms());
        assertEquals(1, s.confusion().get(Decision.ROLLBACK).get("PROMOTE"));
        assertEquals(
                "accuracy=0.500 false_promote=0.250 false_rollback=0.500 inconclusive=0.167 ece="
                        + String.format(java.util.Locale.ROOT, "%.3f", s.ece()) + " p50_ms=300",
                s.summaryLine());
    }

    @Test
    void aBaselineIsScoredOnItsOwnDecisionsWithoutConfidence() {
        List<CaseResult> rs = List.of(
                result("b1", BROKEN, Decision.ROLLBACK, 90, 100, true),
                result("h1", HEALTHY, Decision.PROMOTE, 90, 100, false));
        Scorecard b = Scorecard.ofBaseline(rs, "b");
        assertEquals(0.5, b.accuracy(), 1e-9);
        assertEquals(1.0, b.falsePromote(), 1e-9);
        assertTrue(Double.isNaN(b.ece()) && Double.isNaN(b.brier()));
    }

    @Test
    void brierAndEceOfKnownForecasts() {
        // Two 90 % forecasts, one right: Brier (0.01 + 0.81) / 2; ECE |0.5 - 0.9| = 0.4.
        List<CaseResult> rs = List.of(
                result("a", HEALTHY, Decision.PROMOTE, 90, 1, false),
                result("b", HEALTHY, Decision.ROLLBACK, 90, 1, false));
        assertEquals(0.41, Calibration.brier(rs), 1e-9);
        assertEquals(0.4, Calibration.ece(rs), 1e-9);
        // Perfectly calibrated: 100 % and right, 0 % (inconclusive at 0) and wrong.
        List<CaseResult> calibrated = List.of(
                result("c", HEALTHY, Decision.PROMOTE, 100, 1, false),
                result("d", BROKEN, Decision.INCONCLUSIVE, 0, 1, false));
        assertEquals(0.0, Calibration.ece(calibrated), 1e-9);
        assertEquals(0.0, Calibration.brier(calibrated), 1e-9);
    }

    @Test
    void aFailedAnalysisCountsAsWrongButMakesNoForecast() {
        CaseResult failed = new CaseResult("f", BROKEN, null, 0, false, 5, 0, Map.of(), Map.of(), "timeout", null);
        Scorecard s = Scorecard.of(List.of(failed, result("b1", BROKEN, Decision.ROLLBACK, 100, 1, true)));
        assertEquals(0.5, s.accuracy(), 1e-9);
        assertEquals(1, s.errors());
        assertEquals(0.0, s.brier(), 1e-9, "only the analysis that answered is a forecast");
        assertFalse(failed.correct());
    }

    @Test
    void aRootCauseHitNeedsHalfTheKeywords() {
        assertTrue(BROKEN.rootCauseHit("panic: runtime error: Index out of range [3] with length 3"));
        assertFalse(BROKEN.rootCauseHit("the canary regressed"));
        assertFalse(HEALTHY.rootCauseHit("anything"), "no keywords, nothing to hit");
    }
}
