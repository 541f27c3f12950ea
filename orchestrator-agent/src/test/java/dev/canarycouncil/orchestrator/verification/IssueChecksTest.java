package dev.canarycouncil.orchestrator.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.FailureSignature;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FixVerification;
import dev.canarycouncil.runtime.schema.FixVerification.FixOutcome;
import dev.canarycouncil.runtime.schema.IssueLinks;
import dev.canarycouncil.runtime.schema.LinkedIssue;
import dev.canarycouncil.runtime.schema.LogCoverageEvidence;
import dev.canarycouncil.runtime.schema.PullRequestLink;
import dev.canarycouncil.runtime.schema.PullRequestLink.PullRequestState;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.schema.VerdictSubject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueChecksTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final String MERGE = "4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4";
    private static final FailureSignature PANIC =
            new FailureSignature("panic: <*>", "main.go:42", 20, 2_000, "7c9d6f5b4");

    private static final Verdict HEALTHY = Verdict.builder()
            .analysisId("a-2")
            .subject(new VerdictSubject(
                    "shop", "checkout", "checkout", "9a8b7c6d5", "5f7d8c9b6", new TimeWindow(T.minusSeconds(600), T)))
            .decision(Decision.PROMOTE)
            .confidence(90)
            .findings(List.of(new Finding(
                    "log-analyst",
                    Decision.PROMOTE,
                    90,
                    "logs",
                    List.of(new LogCoverageEvidence(
                            "Canary logs", Severity.INFO, "canary", 5_000, 5_000, 1.0, List.of())),
                    List.of())))
            .build();

    private static PullRequestLink pr(int number, String merge) {
        return new PullRequestLink(
                number,
                "https://github.com/shop/checkout/pull/" + number,
                "fix",
                merge.isEmpty() ? PullRequestState.OPEN : PullRequestState.MERGED,
                T.minusSeconds(3600),
                merge.isEmpty() ? null : T.minusSeconds(1800),
                merge,
                false);
    }

    private static String issue(int n) {
        return "https://github.com/shop/checkout/issues/" + n;
    }

    @Test
    void historyAndGitHubAreMergedClosedIssuesDroppedAndTheFixUnderTestNamed() {
        List<String> notes = new ArrayList<>();
        List<FixVerification> checks = IssueChecks.check(
                List.of(
                        new EarlierFailure(issue(1), "f1", Optional.of(PANIC)),
                        new EarlierFailure(issue(2), "f2", Optional.of(PANIC))),
                new IssueLinks(
                        List.of(
                                new LinkedIssue(issue(1), true, "f1", T, null, List.of(pr(5, ""), pr(6, MERGE))),
                                new LinkedIssue(issue(2), false, "f2", T, null, List.of()),
                                new LinkedIssue(issue(3), true, "f3", T, PANIC, List.of()),
                                new LinkedIssue(issue(4), true, "f4", T, null, List.of())),
                        List.of()),
                CanaryRevision.of(List.of("registry.example.com/checkout:sha-4be1c0f")),
                HEALTHY,
                notes::add);
        assertEquals(
                List.of(issue(1), issue(3), issue(4)),
                checks.stream().map(FixVerification::issueUrl).toList());
        assertEquals(List.of(issue(2) + " is closed on GitHub: not checked"), notes);

        FixVerification first = checks.get(0);
        assertEquals(FixOutcome.VERIFIED, first.outcome(), "the history's signature");
        assertEquals(Optional.of(6), first.fixUnderTest().map(PullRequestLink::number));
        assertFalse(first.pullRequests().get(0).underTest(), "an open pull request is not what runs");
        assertEquals(FixOutcome.VERIFIED, checks.get(1).outcome(), "found on GitHub: the body's signature");
        assertEquals(FixOutcome.NOT_CHECKED, checks.get(2).outcome(), "no signature anywhere");
        assertTrue(
                checks.get(2).text().contains("no log signature"), checks.get(2).text());
    }

    @Test
    void theBrokenCanaryMeasuredAgainTestsNoFix() {
        Verdict sameCanary = HEALTHY.toBuilder()
                .subject(new VerdictSubject(
                        "shop",
                        "checkout",
                        "checkout",
                        "7c9d6f5b4",
                        "5f7d8c9b6",
                        new TimeWindow(T.minusSeconds(600), T)))
                .build();
        List<FixVerification> checks = IssueChecks.check(
                List.of(new EarlierFailure(issue(1), "f1", Optional.of(PANIC))),
                new IssueLinks(List.of(), List.of()),
                CanaryRevision.of(List.of()),
                sameCanary,
                n -> {});
        assertEquals(List.of(), checks, "Argo measures one canary step many times; none of them is a fix");
    }

    @Test
    void anUnreadRevisionNamesNoFixAndSaysWhy() {
        List<String> notes = new ArrayList<>();
        List<FixVerification> checks = IssueChecks.check(
                List.of(new EarlierFailure(issue(1), "f1", Optional.of(PANIC))),
                new IssueLinks(
                        List.of(new LinkedIssue(issue(1), true, "f1", T, null, List.of(pr(6, MERGE)))), List.of()),
                CanaryRevision.unread("list_pods: forbidden"),
                HEALTHY,
                notes::add);
        assertEquals(Optional.empty(), checks.get(0).fixUnderTest());
        assertTrue(notes.get(0).contains("list_pods: forbidden"), notes.toString());
    }
}
