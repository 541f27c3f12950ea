package dev.canarycouncil.issuewriter.filing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.IssueLookup;
import dev.canarycouncil.runtime.schema.LinkedIssue;
import dev.canarycouncil.runtime.schema.PullRequestLink;
import dev.canarycouncil.runtime.schema.PullRequestLink.PullRequestState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * A rollout's remediation issues as GitHub has them: the ones the history knows (are they still
 * open?) and the open ones filed for the rollout that it does not (found by the rollout marker every
 * issue carries), each with the pull requests its timeline shows. Whatever cannot be read is named
 * in the answer's notes: the verdict says what was not checked.
 */
final class IssueLookups {

    /** A canary is checked against at most this many issues: each costs a few GitHub calls. */
    static final int MAX_ISSUES = 10;

    private static final int RECENT = 50;

    /** How long a rollout's search answer is reused; issues filed since are seen by the listing. */
    private static final Duration SEARCH_REUSE = Duration.ofMinutes(5);

    private final GitHub github;
    private final String repository;
    private final IssueTimeline timeline;
    private final IssueUrls issues;
    private final Cache<String, Map<Integer, String>> searched = Caffeine.newBuilder()
            .expireAfterWrite(SEARCH_REUSE)
            .maximumSize(10_000)
            .build();

    IssueLookups(GitHub github, String repository, IssueTimeline timeline) {
        this.github = github;
        this.repository = repository;
        this.timeline = timeline;
        this.issues = new IssueUrls(repository);
    }

    IssueLinks lookup(IssueLookup question) {
        List<String> notes = new ArrayList<>();
        GHRepository repo;
        try {
            repo = github.getRepository(repository);
        } catch (IOException e) {
            return IssueLinks.unread("the rollout's issues on GitHub were not read: "
                    + GitHubFailure.of(e, repository).message());
        }
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (String url : question.known()) {
            Optional<Integer> number = issues.number(url);
            if (number.isPresent()) {
                wanted.put(number.get(), url);
            } else {
                notes.add(url + " is not an issue of " + repository + ": its state and pull requests were not read");
            }
        }
        try {
            openForRollout(repo, question).forEach(wanted::putIfAbsent);
        } catch (IOException | RuntimeException e) {
            notes.add("open issues filed for " + question.namespace() + "/" + question.rollout()
                    + " were not searched: " + GitHubFailure.of(e, repository).message());
        }
        List<LinkedIssue> issues = new ArrayList<>();
        for (Map.Entry<Integer, String> e : wanted.entrySet()) {
            if (issues.size() == MAX_ISSUES) {
                notes.add((wanted.size() - MAX_ISSUES) + " more issue(s) of the rollout not read: at most " + MAX_ISSUES
                        + " per analysis");
                break;
            }
            try {
                issues.add(read(repo, e.getKey(), e.getValue()));
            } catch (IOException ex) {
                notes.add(e.getValue() + " not read: "
                        + GitHubFailure.of(ex, repository).message());
            }
        }
        return new IssueLinks(issues, notes);
    }

    private LinkedIssue read(GHRepository repo, int number, String url) throws IOException {
        GHIssue issue = repo.getIssue(number);
        String body = issue.getBody();
        List<PullRequestLink> links = new ArrayList<>();
        for (IssueTimeline.Reference r : timeline.pullRequests(repository, number)) {
            GHPullRequest pr = github.getRepository(r.repository()).getPullRequest(r.number());
            boolean merged = pr.isMerged();
            links.add(new PullRequestLink(
                    pr.getNumber(),
                    String.valueOf(pr.getHtmlUrl()),
                    pr.getTitle(),
                    merged
                            ? PullRequestState.MERGED
                            : pr.getState() == GHIssueState.OPEN ? PullRequestState.OPEN : PullRequestState.CLOSED,
                    instant(pr.getCreatedAt()),
                    merged ? instant(pr.getMergedAt()) : null,
                    merged ? pr.getMergeCommitSha() : "",
                    false));
        }
        return new LinkedIssue(
                url,
                issue.getState() == GHIssueState.OPEN,
                IssueMarkers.fingerprintOf(body).orElse(""),
                instant(issue.getCreatedAt()),
                IssueMarkers.signatureOf(body).orElse(null),
                links);
    }

    /**
     * Open issues whose body names the rollout, by number: the newest ones listed (listing sees an
     * issue at once), then a search for the marker, which reaches older ones but can lag behind a new
     * issue. The search's answer is reused for a while: GitHub allows 30 searches a minute.
     */
    private Map<Integer, String> openForRollout(GHRepository repo, IssueLookup q) throws IOException {
        String phrase = IssueMarkers.rolloutPhrase(q.namespace(), q.rollout());
        Map<Integer, String> found = new LinkedHashMap<>();
        take(IssueSearch.newest(repo, RECENT), phrase, found);
        Map<Integer, String> searchedBefore = searched.getIfPresent(phrase);
        if (searchedBefore == null) {
            Map<Integer, String> now = new LinkedHashMap<>();
            take(IssueSearch.searched(github, repository, phrase, RECENT), phrase, now);
            searched.put(phrase, Map.copyOf(now));
            searchedBefore = now;
        }
        searchedBefore.forEach(found::putIfAbsent);
        return found;
    }

    private static void take(List<GHIssue> issues, String phrase, Map<Integer, String> into) {
        for (GHIssue issue : issues) {
            boolean ours = !issue.isPullRequest()
                    && issue.getBody() != null
                    && issue.getBody().contains(phrase + "<")
                    && IssueMarkers.fingerprintOf(issue.getBody()).isPresent();
            if (ours) {
                into.putIfAbsent(issue.getNumber(), String.valueOf(issue.getHtmlUrl()));
            }
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
