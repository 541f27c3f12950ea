package dev.canarycouncil.metrics.query;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.PodGroup;
import java.time.Duration;

/**
 * What a query template's placeholders stand for on one side of the canary.
 *
 * @param side      {@code canary} or {@code stable}
 * @param hash      this side's pod-template hash
 * @param interval  the range used inside {@code rate()}/{@code increase()}: twice the step, at least a minute
 * @param target    the label matchers that select this side's series in the metric preset chosen
 *                  (e.g. {@code namespace="shop",pod=~".+-7c9d6f5b4-.+"}); the {@code {{selector}}} matchers when
 *                  no preset chose otherwise
 */
public record SideContext(
        String side,
        String service,
        String namespace,
        String rollout,
        String hash,
        String canaryHash,
        String stableHash,
        Duration interval,
        String target) {

    public static SideContext of(String side, AnalysisRequest request, PodGroup group, Duration interval) {
        SideContext plain = new SideContext(
                side,
                request.service(),
                request.namespace(),
                request.rollout(),
                group.podTemplateHash(),
                request.canary().podTemplateHash(),
                request.stable().podTemplateHash(),
                interval,
                null);
        return plain.withTarget(QueryTemplate.render("{{selector}}", plain));
    }

    /** Values that let a template be checked for unknown placeholders before any analysis. */
    public static SideContext example() {
        return new SideContext(
                "canary",
                "checkout",
                "shop",
                "checkout",
                "7c9d6f5b4",
                "7c9d6f5b4",
                "5f7d8c9b6",
                Duration.ofMinutes(1),
                "service=\"checkout\",rollouts_pod_template_hash=\"7c9d6f5b4\"");
    }

    /** This side with the range of its rates set to {@code newInterval} (a sequential test's step). */
    public SideContext withInterval(Duration newInterval) {
        return new SideContext(side, service, namespace, rollout, hash, canaryHash, stableHash, newInterval, target);
    }

    public SideContext withTarget(String newTarget) {
        return new SideContext(side, service, namespace, rollout, hash, canaryHash, stableHash, interval, newTarget);
    }
}
