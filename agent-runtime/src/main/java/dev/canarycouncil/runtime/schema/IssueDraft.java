package dev.canarycouncil.runtime.schema;

import java.util.List;

/**
 * A remediation issue drafted after a rollback verdict.
 *
 * @param title        the issue title
 * @param body         Markdown body
 * @param labels       labels to apply (e.g. the coding agent's label)
 * @param fingerprint  stable id of the failure (service + signature) used to avoid duplicates
 * @param url          where the issue was filed, or null for a draft that was not filed
 * @param state        {@code draft}, {@code filed}, {@code commented} or {@code queued}
 */
public record IssueDraft(
        String title,
        String body,
        List<String> labels,
        String fingerprint,
        String url,
        String state) {

    public IssueDraft {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
