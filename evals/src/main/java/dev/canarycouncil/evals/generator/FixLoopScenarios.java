package dev.canarycouncil.evals.generator;

import dev.canarycouncil.runtime.schema.Decision;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Successive canaries of one service (shop/orders), for the remediation loop: the release that broke
 * it, and what the next canary can show once a fix was merged. Generated in tests from a seed, not
 * bundled: they only make sense in sequence. The first is {@code java-npe-exception-storm-orders}'s
 * failure (a NullPointerException on guest checkouts); every later canary is a new revision of the
 * same rollout against the same stable.
 */
public final class FixLoopScenarios {

    /** The commit a fix's pull request merges as; the later canaries' image tags name it. */
    public static final String FIX_COMMIT = "4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4";

    /** One canary of the loop. */
    public enum Canary {
        /** 2.5.0: the NullPointerException on guest checkouts, about 18 % of orders. */
        BROKEN,
        /** The fix merged: the same traffic, no exception. */
        FIXED,
        /** The fix merged, but the exception is still there. */
        STILL_BROKEN,
        /** The fix merged and no exception, but too few requests in the window to rule it out. */
        FIXED_QUIET,
        /** The fix merged and the exception gone, but a new failure (a not-null constraint on invoices). */
        OTHER_FAILURE;

        public String recording() {
            return "loop-orders-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private FixLoopScenarios() {}

    /** Writes one canary's recording into {@code outDir}, named {@link Canary#recording()}. */
    public static Path write(Canary canary, Path outDir, long seed) throws IOException {
        ScenarioConfig c = config(canary);
        Path dir = outDir.resolve(c.name);
        new Simulation(c, seed ^ c.name.hashCode()).writeTo(dir);
        return dir;
    }

    static ScenarioConfig config(Canary canary) {
        ScenarioConfig c = BrokenScenarios.javaNpeExceptionStorm();
        c.name = canary.recording();
        c.stableHash = Scenarios.podTemplateHash("loop-orders/stable");
        c.canaryHash = Scenarios.podTemplateHash(c.name + "/canary");
        if (canary == Canary.BROKEN) {
            return c;
        }
        c.canary.version = "2.5.1";
        c.canary.image = "registry.example.com/orders:sha-" + FIX_COMMIT.substring(0, 7);
        c.windowStart = c.windowStart.plus(Duration.ofDays(1));
        switch (canary) {
            case FIXED ->
                healthy(c, "The fix for the guest-checkout NullPointerException: orders fail no more than stable's.");
            case FIXED_QUIET -> {
                healthy(c, "The fix, at night: a handful of orders in the window, none failing.");
                c.canary.rps = 0.02;
                c.window = Duration.ofMinutes(3);
                c.cacheRefreshLog = false;
            }
            case STILL_BROKEN -> c.description = "The merged fix did not help: guest checkouts still throw.";
            case OTHER_FAILURE -> {
                healthy(c, "The NullPointerException is fixed, but the release breaks invoice creation.");
                c.expected = Decision.ROLLBACK;
                c.failureClass = "java-exception";
                c.rootCause = "DataIntegrityViolationException: null value in column \"currency_code\"";
                c.rootCauseKeywords = List.of("currency_code");
                c.canary.errorRatio = 0.11;
                c.canary.errorNotes = List.of(
                        LogNote.error("c.e.invoices.web.InvoiceController", "Failed to create invoice for order {id}"));
                c.canary.errorTrace = Traces.JAVA_INVOICE_NOT_NULL;
            }
            default -> throw new IllegalArgumentException(canary.name());
        }
        return c;
    }

    private static void healthy(ScenarioConfig c, String description) {
        c.description = description;
        c.expected = Decision.PROMOTE;
        c.failureClass = "healthy";
        c.rootCause = "none";
        c.rootCauseKeywords = List.of();
        c.canary.errorRatio = c.stable.errorRatio;
        c.canary.errorNotes = List.of();
        c.canary.errorTrace = List.of();
    }
}
