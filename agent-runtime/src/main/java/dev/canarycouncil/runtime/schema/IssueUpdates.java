package dev.canarycouncil.runtime.schema;

import java.util.List;

/** The issue writer's answer to a {@link FixReport}: one update per issue reported on. */
public record IssueUpdates(List<IssueUpdate> updates) {

    public IssueUpdates {
        updates = updates == null ? List.of() : List.copyOf(updates);
    }
}
