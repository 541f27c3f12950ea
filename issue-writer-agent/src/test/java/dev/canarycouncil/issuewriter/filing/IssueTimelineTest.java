package dev.canarycouncil.issuewriter.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.canarycouncil.runtime.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A timeline as GitHub's REST API documents it ("List timeline events for an issue"): label and
 * comment events, a commit that referenced the issue, an issue that mentioned it, and pull requests
 * from the same and from another repository.
 */
class IssueTimelineTest {

    private static final String TIMELINE = """
            [
              {"id": 6430295168, "node_id": "LE_lADODwFebM5HwC0kzwAAAAF_RoSA", "url": "https://api.github.com/repos/github/roadmap/issues/events/6430295168",
               "actor": {"login": "octocat", "id": 1}, "event": "labeled", "commit_id": null, "commit_url": null,
               "created_at": "2022-04-13T20:49:13Z", "label": {"name": "beta", "color": "99dd88"}, "performed_via_github_app": null},
              {"url": "https://api.github.com/repos/octocat/Hello-World/issues/comments/1", "html_url": "https://github.com/octocat/Hello-World/issues/1347#issuecomment-1",
               "issue_url": "https://api.github.com/repos/octocat/Hello-World/issues/1347", "id": 1, "user": {"login": "octocat"},
               "created_at": "2011-04-14T16:00:49Z", "body": "Fixed in #1350, see https://github.com/octocat/Hello-World/pull/1351", "event": "commented"},
              {"id": 2, "event": "referenced", "commit_id": "6dcb09b5b57875f334f61aebed695e2e4193db5e",
               "commit_url": "https://api.github.com/repos/octocat/Hello-World/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e", "created_at": "2011-04-14T16:01:00Z"},
              {"actor": {"login": "octocat"}, "created_at": "2023-03-21T17:05:43Z", "updated_at": "2023-03-21T17:05:43Z", "event": "cross-referenced",
               "source": {"type": "issue", "issue": {"url": "https://api.github.com/repos/octocat/Hello-World/issues/1349",
                 "html_url": "https://github.com/octocat/Hello-World/issues/1349", "id": 3, "number": 1349, "title": "Same bug elsewhere", "state": "open",
                 "repository": {"id": 1296269, "full_name": "octocat/Hello-World"}}}},
              {"actor": {"login": "octocat"}, "created_at": "2023-03-22T09:00:00Z", "updated_at": "2023-03-22T09:00:00Z", "event": "cross-referenced",
               "source": {"type": "issue", "issue": {"url": "https://api.github.com/repos/octocat/Hello-World/issues/1350",
                 "html_url": "https://github.com/octocat/Hello-World/pull/1350", "id": 4, "number": 1350, "title": "Guard the nil user", "state": "closed",
                 "pull_request": {"url": "https://api.github.com/repos/octocat/Hello-World/pulls/1350", "html_url": "https://github.com/octocat/Hello-World/pull/1350",
                   "diff_url": "https://github.com/octocat/Hello-World/pull/1350.diff", "patch_url": "https://github.com/octocat/Hello-World/pull/1350.patch",
                   "merged_at": "2023-03-22T10:00:00Z"},
                 "repository": {"id": 1296269, "full_name": "octocat/Hello-World"}}}},
              {"actor": {"login": "hubot"}, "created_at": "2023-03-23T09:00:00Z", "updated_at": "2023-03-23T09:00:00Z", "event": "cross-referenced",
               "source": {"type": "issue", "issue": {"number": 77, "title": "Vendor the fix", "state": "open",
                 "html_url": "https://github.com/octocat/Spoon-Knife/pull/77",
                 "pull_request": {"url": "https://api.github.com/repos/octocat/Spoon-Knife/pulls/77", "merged_at": null},
                 "repository": {"id": 1300192, "full_name": "octocat/Spoon-Knife"}}}},
              {"actor": {"login": "octocat"}, "created_at": "2023-03-24T09:00:00Z", "event": "cross-referenced",
               "source": {"type": "issue", "issue": {"number": 1350, "title": "Guard the nil user", "state": "closed",
                 "pull_request": {"url": "https://api.github.com/repos/octocat/Hello-World/pulls/1350"},
                 "repository": {"full_name": "octocat/Hello-World"}}}}
            ]
            """;

    @Test
    void onlyPullRequestsAreTakenOnceEachWithTheirRepository() throws Exception {
        List<IssueTimeline.Reference> refs =
                IssueTimeline.references(Json.mapper().readTree(TIMELINE), "octocat/Hello-World");
        assertEquals(
                List.of(
                        new IssueTimeline.Reference("octocat/Hello-World", 1350),
                        new IssueTimeline.Reference("octocat/Spoon-Knife", 77)),
                refs);
    }

    @Test
    void anEmptyTimelineHasNoPullRequests() throws Exception {
        assertEquals(List.of(), IssueTimeline.references(Json.mapper().readTree("[]"), "octocat/Hello-World"));
    }
}
