package dev.canarycouncil.runtime.schema;

import java.util.List;

/**
 * A remediation issue drafted after a rollback verdict.
 *
 * @param title        the issue title
 * @param body         Markdown body
 * @param labels       labels to apply (e.g. the coding agent's label)
 * @param fingerprint  stable id of the failure (service + signature) used to avoid duplicates
 * @param url          where the issue was filed (or commented on), or null for a draft that was not filed
 * @param state        {@code draft}, {@code filed}, {@code commented}, {@code queued} (kept on disk, filed
 *                     later) or {@code failed} (kept on disk, not filed; {@code detail} says why)
 * @param detail       what happened to the draft in words, e.g. "filed #12" or why it is queued; may be null
 * @param writtenBy    the model that wrote the summary and fix sections, or null for the template
 * @param modelUsage   tokens the issue writer spent on the model, or null
 * @param repository   {@code owner/name} to file in, an allowed repository the request named; blank for the configured one
 * @param suspectCode  the body's "Suspect code" section on its own (Markdown), for the chat; blank when the
 *                     issue writer sent none (an older one)
 */
public record IssueDraft(
        String title,
        String body,
        List<String> labels,
        String fingerprint,
        String url,
        String state,
        String detail,
        String writtenBy,
        TokenUsage modelUsage,
        String repository,
        String suspectCode) {

    public IssueDraft {
        labels = labels == null ? List.of() : List.copyOf(labels);
        repository = repository == null ? "" : repository;
        suspectCode = suspectCode == null ? "" : suspectCode;
    }

    /** A draft to be filed: its text, labels and fingerprint; the rest is named on the builder. */
    public static Builder draft(String title, String body, List<String> labels, String fingerprint) {
        return new Builder(title, body, labels, fingerprint);
    }

    /** GitHub has it: filed as an issue, or a comment on the failure's open issue. */
    public boolean onGitHub() {
        return "filed".equals(state) || "commented".equals(state);
    }

    /** Meant for GitHub and not there: queued for a retry, or refused ({@code detail} says why). */
    public boolean undelivered() {
        return "queued".equals(state) || "failed".equals(state);
    }

    /** This draft after filing: where it went, its new state and what happened. */
    public IssueDraft withOutcome(String newUrl, String newState, String newDetail) {
        return new IssueDraft(
                title,
                body,
                labels,
                fingerprint,
                newUrl,
                newState,
                newDetail,
                writtenBy,
                modelUsage,
                repository,
                suspectCode);
    }

    public IssueDraft withRepository(String fullName) {
        return new IssueDraft(
                title, body, labels, fingerprint, url, state, detail, writtenBy, modelUsage, fullName, suspectCode);
    }

    public IssueDraft withLabels(List<String> newLabels) {
        return new IssueDraft(
                title,
                body,
                newLabels,
                fingerprint,
                url,
                state,
                detail,
                writtenBy,
                modelUsage,
                repository,
                suspectCode);
    }

    /** Names a draft part by part; a new draft is in state {@code draft}, not filed, written from the template. */
    public static final class Builder {
        private final String title;
        private final String body;
        private final List<String> labels;
        private final String fingerprint;
        private String url;
        private String state = "draft";
        private String detail;
        private String writtenBy;
        private TokenUsage modelUsage;
        private String repository = "";
        private String suspectCode = "";

        private Builder(String title, String body, List<String> labels, String fingerprint) {
            this.title = title;
            this.body = body;
            this.labels = labels;
            this.fingerprint = fingerprint;
        }

        /** Where the draft went and what happened, e.g. filed with its URL. */
        public Builder outcome(String newUrl, String newState, String newDetail) {
            this.url = newUrl;
            this.state = newState;
            this.detail = newDetail;
            return this;
        }

        /** The model that wrote the summary and fix sections, and the tokens it spent. */
        public Builder writtenBy(String model, TokenUsage usage) {
            this.writtenBy = model;
            this.modelUsage = usage;
            return this;
        }

        public Builder repository(String fullName) {
            this.repository = fullName;
            return this;
        }

        public Builder suspectCode(String section) {
            this.suspectCode = section;
            return this;
        }

        public IssueDraft build() {
            return new IssueDraft(
                    title,
                    body,
                    labels,
                    fingerprint,
                    url,
                    state,
                    detail,
                    writtenBy,
                    modelUsage,
                    repository,
                    suspectCode);
        }
    }
}
