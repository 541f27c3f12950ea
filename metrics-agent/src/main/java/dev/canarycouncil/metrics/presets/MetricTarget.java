package dev.canarycouncil.metrics.presets;

import dev.canarycouncil.metrics.query.QueryTemplate;
import dev.canarycouncil.metrics.query.SideContext;

/**
 * One way to select one side's series: label matchers written with placeholders, the same for both
 * sides ({@code selector}, filled with each side's hash) or one per side ({@code canary} and
 * {@code stable}, for gateways that report traffic rather than pods).
 *
 * @param name         how presets refer to it
 * @param description  what in a user's setup produces these labels
 */
public record MetricTarget(String name, String description, String selector, String canary, String stable) {

    /** The matchers for one side, its placeholders filled in. */
    public String render(SideContext side) {
        String template = selector != null ? selector : "canary".equals(side.side()) ? canary : stable;
        return QueryTemplate.render(template, side);
    }

    /** The side's placeholders with this target's matchers as {@code {{target}}}. */
    public SideContext apply(SideContext side) {
        return side.withTarget(render(side));
    }
}
