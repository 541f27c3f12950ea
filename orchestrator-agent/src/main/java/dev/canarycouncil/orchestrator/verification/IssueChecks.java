package dev.canarycouncil.orchestrator.verification;

import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.LinkedIssue;
import dev.canarycouncil.runtime.schema.PullRequestLink;
import dev.canarycouncil.runtime.schema.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A canary checked against every open issue of its rollout: the ones the history filed, and the
 * ones GitHub has that the history does not (their bodies carry the failure). An issue GitHub says
 * is closed is left alone; each check carries the issue's pull requests, the one whose merge commit
 * the canary runs marked as the fix under test.
 */
public final class IssueChecks {

    private IssueChecks() {}

    /**
     * @param known    the rollout's issues in the history, newest first
     * @param github   what GitHub says of them and of others (empty when it was not asked)
     * @param revision what the canary's pods say about their code; read only when a merged pull request
     *                 could be under test, so a problem reading it is always worth a note
     * @param now      the canary's verdict
     * @param notes    told what was left unchecked and why
     */
    public static List<FixVerification> check(
            List<EarlierFailure> known,
            IssueLinks github,
            CanaryRevision revision,
            Verdict now,
            Consumer<String> notes) {
        Map<String, EarlierFailure> open = new LinkedHashMap<>();
        known.forEach(f -> open.putIfAbsent(f.issueUrl(), f));
        Map<String, List<PullRequestLink>> links = new LinkedHashMap<>();
        for (LinkedIssue issue : github.issues()) {
            if (!issue.open()) {
                if (open.remove(issue.url()) != null) {
                    notes.accept(issue.url() + " is closed on GitHub: not checked");
                }
                continue;
            }
            open.putIfAbsent(issue.url(), new EarlierFailure(issue.url(), issue.fingerprint(), issue.failure()));
            links.put(issue.url(), issue.pullRequests());
        }
        if (!revision.problem().isEmpty()) {
            notes.accept("the canary's revision was not read, so no pull request is named as the fix under test: "
                    + revision.problem());
        }
        List<FixVerification> checks = new ArrayList<>();
        for (EarlierFailure f : open.values()) {
            if (f.signature().isPresent()
                    && f.signature().get().shownBy(now.subject().canaryHash())) {
                // The canary that failed, measured again: no fix can be under test in it.
                continue;
            }
            FixVerification v = f.signature()
                    .map(s -> FixCheck.check(f.issueUrl(), f.fingerprint(), s, now))
                    .orElseGet(() -> FixCheck.notCheckable(f.issueUrl(), f.fingerprint(), now));
            checks.add(v.withPullRequests(links.getOrDefault(f.issueUrl(), List.of()).stream()
                    .map(p -> revision.runs(p.mergeCommit()) ? p.asUnderTest() : p)
                    .toList()));
        }
        return checks;
    }
}
