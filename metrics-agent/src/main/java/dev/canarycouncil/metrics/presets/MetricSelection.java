package dev.canarycouncil.metrics.presets;

import dev.canarycouncil.metrics.config.MetricSet;
import dev.canarycouncil.metrics.query.SideContext;
import java.util.List;

/**
 * The metric set an analysis compares and how each side's series are selected, with the story of
 * how it was chosen for the verdict.
 *
 * @param set       what is compared
 * @param target    how each side's series are selected; null for a configured set, whose queries say it themselves
 * @param found     false when no preset had series for either side: the set is then not compared at all
 * @param account   how the set was chosen, one sentence, e.g. "preset opentelemetry (auto-detected: ...)"
 * @param notes     what was tried, for the finding's notes
 */
public record MetricSelection(MetricSet set, MetricTarget target, boolean found, String account, List<String> notes) {

    public MetricSelection {
        notes = List.copyOf(notes);
    }

    /** A metric set the user configured: compared as written. */
    public static MetricSelection configured(MetricSet set, String source) {
        return new MetricSelection(set, null, true, "metric set " + source, List.of());
    }

    /** The placeholders of one side with this selection's target. */
    public SideContext side(SideContext side) {
        return target == null ? side : target.apply(side);
    }
}
