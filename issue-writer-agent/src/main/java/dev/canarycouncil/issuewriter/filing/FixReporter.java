package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.FixReport;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.FixVerification.FixOutcome;
import dev.canarycouncil.runtime.schema.IssueUpdate;
import dev.canarycouncil.runtime.schema.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GitHub;

/**
 * Reports a canary's checks on the issues of one repository: a comment with the evidence (once per
 * analysis, however often it is asked), the label {@code fix-verified} or {@code fix-failed} in place
 * of the other, and closing a verified issue after a promotion when asked to. An issue of another
 * repository is left alone; a too-short canary changes nothing on GitHub, the verdict says so.
 */
final class FixReporter {

    static final String VERIFIED = "fix-verified";
    static final String FAILED = "fix-failed";

    private final GitHub github;
    private final String repository;
    private final IssueUrls issues;

    FixReporter(GitHub github, String repository) {
        this.github = github;
        this.repository = repository;
        this.issues = new IssueUrls(repository);
    }

    List<IssueUpdate> report(FixReport report) {
        List<IssueUpdate> updates = new ArrayList<>();
        for (FixVerification check : report.verdict().verifications()) {
            updates.add(one(check, report));
        }
        return updates;
    }

    private IssueUpdate one(FixVerification check, FixReport report) {
        Optional<Integer> number = issues.number(check.issueUrl());
        if (number.isEmpty()) {
            return new IssueUpdate(check.issueUrl(), "skipped", "not an issue of " + repository);
        }
        if (check.outcome() == FixOutcome.TOO_LITTLE_TRAFFIC) {
            return new IssueUpdate(check.issueUrl(), "skipped", "too little traffic to tell; nothing posted");
        }
        if (!check.outcome().decided()) {
            return new IssueUpdate(check.issueUrl(), "skipped", "not checkable from logs; nothing posted");
        }
        Verdict v = report.verdict();
        try {
            GHIssue issue = github.getRepository(repository).getIssue(number.get());
            if (!String.valueOf(issue.getHtmlUrl()).equals(check.issueUrl())) {
                // Same repository name and number on another GitHub (an old server, a moved repository).
                return new IssueUpdate(check.issueUrl(), "skipped", "not an issue of " + repository + " here");
            }
            if (issue.getState() == GHIssueState.CLOSED) {
                return new IssueUpdate(check.issueUrl(), "skipped", "the issue is closed; nothing posted");
            }
            for (GHIssueComment c : issue.listComments()) {
                if (IssueMarkers.hasFixCheck(c.getBody(), v.analysisId())) {
                    return new IssueUpdate(check.issueUrl(), "already-reported", "this analysis commented already");
                }
            }
            issue.comment(comment(check, v));
            Set<String> labels = new LinkedHashSet<>();
            for (GHLabel l : issue.getLabels()) {
                labels.add(l.getName());
            }
            labels.remove(VERIFIED);
            labels.remove(FAILED);
            labels.add(check.outcome() == FixOutcome.VERIFIED ? VERIFIED : FAILED);
            issue.setLabels(labels.toArray(String[]::new));
            if (check.outcome() == FixOutcome.VERIFIED
                    && report.closeVerified()
                    && v.decision() == Decision.PROMOTE
                    && issue.getState() == GHIssueState.OPEN) {
                issue.close();
                return new IssueUpdate(check.issueUrl(), "closed", "fix verified and the canary promoted: closed");
            }
            return new IssueUpdate(
                    check.issueUrl(), "commented", "commented and labelled " + String.join(", ", labels));
        } catch (IOException e) {
            return new IssueUpdate(
                    check.issueUrl(),
                    "failed",
                    "GitHub did not take the report: "
                            + GitHubFailure.of(e, repository).message());
        }
    }

    private static String comment(FixVerification check, Verdict v) {
        String head = check.outcome() == FixOutcome.VERIFIED ? "**Fix verified.** " : "**Fix failed.** ";
        String underTest = check.fixUnderTest()
                .map(p -> "The canary runs the merge of #" + p.number() + " (" + p.mergeCommit() + "): that is the fix "
                        + (check.outcome() == FixOutcome.VERIFIED ? "verified" : "that failed") + ".\n\n")
                .orElse("");
        return head + check.text() + "\n\n" + underTest
                + (v.link().isEmpty() ? "Analysis `" + v.analysisId() + "`" : "[The analysis](" + v.link() + ")")
                + ": " + v.decision() + " with " + v.confidence() + "% confidence.\n\n"
                + IssueMarkers.fixCheckLine(v.analysisId()) + "\n";
    }
}
