package dev.canarycouncil.metrics.query;

import java.time.Duration;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.PodGroup;

/**
 * What a query template's placeholders stand for on one side of the canary.
 *
 * @param hash      this side's pod-template hash
 * @param interval  the range used inside {@code rate()}/{@code increase()}: twice the step, at least a minute
 */
public record SideContext(String side, String service, String namespace, String hash, String canaryHash,
                          String stableHash, Duration interval) {

    public static SideContext of(String side, AnalysisRequest request, PodGroup group, Duration interval) {
        return new SideContext(side, request.service(), request.namespace(), group.podTemplateHash(),
                request.canary().podTemplateHash(), request.stable().podTemplateHash(), interval);
    }

    /** Values that let a template be checked for unknown placeholders before any analysis. */
    public static SideContext example() {
        return new SideContext("canary", "checkout", "shop", "7c9d6f5b4", "7c9d6f5b4", "5f7d8c9b6", Duration.ofMinutes(1));
    }
}
