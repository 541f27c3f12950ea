package dev.canarycouncil.issuewriter.filing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.kohsuke.github.GHDirection;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueQueryBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * The two ways the council finds its own open issues: listing the newest (sees an issue at once)
 * and searching for a phrase its issues carry (reaches older ones, but can lag a minute behind).
 */
final class IssueSearch {

    private IssueSearch() {}

    /** Up to {@code max} open issues, newest first. */
    static List<GHIssue> newest(GHRepository repo, int max) throws IOException {
        return take(
                repo.queryIssues()
                        .state(GHIssueState.OPEN)
                        .sort(GHIssueQueryBuilder.Sort.CREATED)
                        .direction(GHDirection.DESC)
                        .pageSize(max)
                        .list()
                        .iterator(),
                max);
    }

    /** Up to {@code max} open issues of {@code repository} whose body holds {@code phrase}, as search finds them. */
    static List<GHIssue> searched(GitHub github, String repository, String phrase, int max) {
        return take(
                github.searchIssues()
                        .q("repo:" + repository)
                        .q("is:issue")
                        .q("is:open")
                        .q("in:body")
                        .q("\"" + phrase + "\"")
                        .list()
                        .withPageSize(max)
                        .iterator(),
                max);
    }

    private static List<GHIssue> take(Iterator<GHIssue> iterator, int max) {
        List<GHIssue> out = new ArrayList<>();
        for (int i = 0; i < max && iterator.hasNext(); i++) {
            out.add(iterator.next());
        }
        return out;
    }
}
