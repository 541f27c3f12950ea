package dev.canarycouncil.metrics.bench;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.Optional;

/** A way to judge a canary's p95 latency as a controller looks at it: at each look it may decide, at the end it must. */
interface LatencyRule {

    /** The name printed in the figures. */
    String name();

    /**
     * @param seen       the histograms; only the slots before {@code slots} have happened yet
     * @param slots      30 s slots since the canary started
     * @param sinceSlots slots since the previous look
     * @return a decision, or empty to look again
     */
    Optional<Decision> look(LatencyHistograms seen, int slots, int sinceSlots);

    /** The decision when the window ends without one. */
    Decision atEnd(LatencyHistograms seen, int slots);
}
