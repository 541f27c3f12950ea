package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.schema.IssueDraft;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

/**
 * The filer's conversation with one repository. Idempotent per analysis: before anything is
 * created it looks for the open issue carrying the draft's fingerprint and, on it, for this
 * analysis' marker, so a retry after a lost answer finds its own issue or comment instead of
 * filing a second one.
 */
final class GitHubIssues {

    /** Open issues read from the newest first: listing sees an issue at once, search can lag a minute behind. */
    private static final int RECENT = 50;

    private static final int SEARCHED = 30;

    private final GitHub github;
    private final String repository;
    private final List<String> labels;
    private final String assignee;

    /**
     * @param labels    labels for new issues; empty to use the draft's
     * @param assignee  login for new issues, or null
     */
    GitHubIssues(GitHub github, String repository, List<String> labels, String assignee) {
        this.github = github;
        this.repository = repository;
        this.labels = List.copyOf(labels);
        this.assignee = assignee;
    }

    FilingOutcome file(IssueDraft draft, String analysisId) throws IOException {
        GHRepository repo = github.getRepository(repository);
        Optional<GHIssue> open = openIssueWithFingerprint(repo, draft.fingerprint());
        if (open.isPresent()) {
            GHIssue issue = open.get();
            String url = String.valueOf(issue.getHtmlUrl());
            if (IssueMarkers.hasAnalysis(issue.getBody(), analysisId)) {
                return FilingOutcome.filed(issue.getNumber(), url).alreadyDone();
            }
            for (GHIssueComment comment : issue.listComments()) {
                if (IssueMarkers.hasAnalysis(comment.getBody(), analysisId)) {
                    return FilingOutcome.commented(issue.getNumber(), url).alreadyDone();
                }
            }
            issue.comment(OccurrenceComment.render(draft, analysisId));
            return FilingOutcome.commented(issue.getNumber(), url);
        }
        try {
            return create(repo, draft, assignee);
        } catch (HttpException e) {
            if (assignee == null || e.getResponseCode() != 422) {
                throw e;
            }
            // GitHub refuses an assignee it does not know or who cannot be assigned; the issue
            // matters more than who it is assigned to. A 422 created nothing, so trying again is safe.
            FilingOutcome filed = create(repo, draft, null);
            return new FilingOutcome(
                    filed.state(),
                    filed.number(),
                    filed.url(),
                    filed.detail() + " (without assignee " + assignee + ": GitHub refused it)");
        }
    }

    private FilingOutcome create(GHRepository repo, IssueDraft draft, String assignTo) throws IOException {
        GHIssueBuilder builder = repo.createIssue(draft.title()).body(draft.body());
        (labels.isEmpty() ? draft.labels() : labels).forEach(builder::label);
        if (assignTo != null) {
            builder.assignee(assignTo);
        }
        GHIssue created = builder.create();
        return FilingOutcome.filed(created.getNumber(), String.valueOf(created.getHtmlUrl()));
    }

    /** The oldest open issue whose body carries the fingerprint marker, if any. */
    private Optional<GHIssue> openIssueWithFingerprint(GHRepository repo, String fingerprint) throws IOException {
        Optional<GHIssue> found = oldestWithFingerprint(IssueSearch.newest(repo, RECENT).stream(), fingerprint);
        if (found.isPresent()) {
            return found;
        }
        Stream<GHIssue> searched =
                IssueSearch.searched(github, repository, IssueMarkers.fingerprintPhrase(fingerprint), SEARCHED)
                        .stream();
        return oldestWithFingerprint(searched, fingerprint);
    }

    private static Optional<GHIssue> oldestWithFingerprint(Stream<GHIssue> issues, String fingerprint) {
        return issues.filter(i -> !i.isPullRequest())
                .filter(i -> i.getState() == GHIssueState.OPEN)
                .filter(i -> IssueMarkers.hasFingerprint(i.getBody(), fingerprint))
                .min(Comparator.comparingInt(GHIssue::getNumber));
    }
}
