package dev.canarycouncil.orchestrator.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredExposureTest {

    @ParameterizedTest
    @CsvSource({"0.01, 459", "0.001, 4603", "0.5, 7", "1.0, 1", "0.000001, 4605168"})
    void theRecordsNeededToRuleAFailureOutAt99Percent(double rate, long expected) {
        long n = RequiredExposure.toRuleOut(rate, RequiredExposure.CONFIDENCE);
        assertEquals(expected, n);
        // The definition, checked directly: with n records the failure hides with at most 1 % chance, with n-1 more.
        assertTrue(Math.pow(1 - rate, n) <= 0.01 + 1e-12, "n suffices");
        if (n > 1) {
            assertTrue(Math.pow(1 - rate, n - 1) > 0.01, "n is the least that does");
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "-0.1", "1.5", "NaN"})
    void aRateOutsideZeroToOneIsRefused(double rate) {
        assertThrows(IllegalArgumentException.class, () -> RequiredExposure.toRuleOut(rate, 0.99));
    }
}
