package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.Verdict;
import java.util.List;

/** The remediation issues filed for a rollout's failures, each with the analysis that filed it last. */
@FunctionalInterface
public interface OpenIssues {

    /** For a council that keeps nothing: no issue is known, none is checked. */
    OpenIssues NONE = (namespace, rollout) -> List.of();

    /** @throws RuntimeException when the store cannot be read (the analysis goes on without the checks) */
    List<OpenIssue> of(String namespace, String rollout);

    /** An issue on GitHub, the failure's fingerprint, and the verdict that described the failure. */
    record OpenIssue(String issueUrl, String fingerprint, Verdict filedBy) {}
}
