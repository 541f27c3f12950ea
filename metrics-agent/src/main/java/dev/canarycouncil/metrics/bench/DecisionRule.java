package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.Optional;

/**
 * A way to judge a canary from its requests and failures as a controller looks at it: at each
 * look it may decide, and at the end of the window it must.
 */
interface DecisionRule {

    /** The name printed in the figures. */
    String name();

    /**
     * @param since       requests and failures since the previous look
     * @param cumulative  requests and failures since the canary started
     * @return a decision, or empty to look again
     */
    Optional<Decision> look(Counts since, Counts cumulative);

    /** The decision when the window ends without one. */
    Decision atEnd(Counts cumulative);

    /** Requests and failures of both sides over some span. */
    record Counts(long canaryRequests, long canaryErrors, long stableRequests, long stableErrors) {

        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(SimulatedRollout.Tick t) {
            return new Counts(
                    canaryRequests + t.canaryRequests(),
                    canaryErrors + t.canaryErrors(),
                    stableRequests + t.stableRequests(),
                    stableErrors + t.stableErrors());
        }
    }
}
