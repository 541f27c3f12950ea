package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.stats.RateRatioTest;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;

/** The judges the decision benchmark compares, each made fresh for every simulated rollout. */
final class DecisionRules {

    private DecisionRules() {}

    /**
     * The council's sequential judge: the rate-ratio mixture SPRTs, read at every look, with a quarter
     * of the false-alarm budget; at the window's end, the fixed-horizon test with the rest (a union
     * bound keeps the whole at alpha). A mixture gives up some power on a small effect that only the
     * whole window shows; the end test wins it back, while a crash needs little budget to show at once.
     * (A half-and-half split cost 1 point of false promotes against the fixed window; a quarter, 0.5.)
     */
    static Supplier<DecisionRule> sequential(double alpha, double beta, double tolerated) {
        double looking = alpha / 4;
        double atTheEnd = alpha - looking;
        return () -> new DecisionRule() {
            private final RateRatioTest test = new RateRatioTest(tolerated);

            @Override
            public String name() {
                return "sequential";
            }

            @Override
            public Optional<Decision> look(DecisionRule.Counts since, DecisionRule.Counts cumulative) {
                long requests = since.canaryRequests() + since.stableRequests();
                if (requests > 0 && since.canaryRequests() > 0 && since.stableRequests() > 0) {
                    test.observe(
                            since.canaryErrors(), since.stableErrors(), (double) since.canaryRequests() / requests);
                }
                return switch (test.call(looking, beta)) {
                    case WORSE -> Optional.of(Decision.ROLLBACK);
                    case NOT_WORSE -> Optional.of(Decision.PROMOTE);
                    case CONTINUE -> Optional.empty();
                };
            }

            @Override
            public Decision atEnd(DecisionRule.Counts cumulative) {
                return fisher(cumulative) < atTheEnd ? Decision.ROLLBACK : Decision.PROMOTE;
            }
        };
    }

    /** Kayenta-style: one fixed-horizon test over the whole window, read once at its end. */
    static Supplier<DecisionRule> fixedWindow(double alpha) {
        return () -> new DecisionRule() {
            @Override
            public String name() {
                return "fixed-window";
            }

            @Override
            public Optional<Decision> look(DecisionRule.Counts since, DecisionRule.Counts cumulative) {
                return Optional.empty();
            }

            @Override
            public Decision atEnd(DecisionRule.Counts c) {
                return fisher(c) < alpha ? Decision.ROLLBACK : Decision.PROMOTE;
            }
        };
    }

    /** The same fixed-horizon test read at every look: what repeating a per-call judge amounts to. */
    static Supplier<DecisionRule> peeking(double alpha) {
        return () -> new DecisionRule() {
            @Override
            public String name() {
                return "fixed-test-every-look";
            }

            @Override
            public Optional<Decision> look(DecisionRule.Counts since, DecisionRule.Counts cumulative) {
                return fisher(cumulative) < alpha ? Optional.of(Decision.ROLLBACK) : Optional.empty();
            }

            @Override
            public Decision atEnd(DecisionRule.Counts cumulative) {
                return Decision.PROMOTE;
            }
        };
    }

    /**
     * Argo Rollouts' documented success-rate analysis: each measurement is the canary's success rate
     * since the previous one, successful at 95 % or more; the analysis fails after more than
     * {@code failureLimit} failed measurements, and passes when the window ends.
     */
    static Supplier<DecisionRule> argoThreshold(double minSuccess, int failureLimit) {
        return () -> new DecisionRule() {
            private int failed;

            @Override
            public String name() {
                return "argo-success-rate";
            }

            @Override
            public Optional<Decision> look(DecisionRule.Counts since, DecisionRule.Counts cumulative) {
                if (since.canaryRequests() == 0) {
                    return Optional.empty();
                }
                double success = 1 - (double) since.canaryErrors() / since.canaryRequests();
                if (success < minSuccess && ++failed > failureLimit) {
                    return Optional.of(Decision.ROLLBACK);
                }
                return Optional.empty();
            }

            @Override
            public Decision atEnd(DecisionRule.Counts cumulative) {
                return Decision.PROMOTE;
            }
        };
    }

    /** One-sided Fisher's exact test that the canary fails more often than the stable. */
    static double fisher(DecisionRule.Counts c) {
        if (c.canaryRequests() == 0 || c.stableRequests() == 0 || c.canaryErrors() + c.stableErrors() == 0) {
            return 1;
        }
        return FisherExactTest.withDefaults()
                .with(AlternativeHypothesis.GREATER_THAN)
                .test(new int[][] {
                    {(int) c.canaryErrors(), (int) (c.canaryRequests() - c.canaryErrors())},
                    {(int) c.stableErrors(), (int) (c.stableRequests() - c.stableErrors())}
                })
                .getPValue();
    }
}
