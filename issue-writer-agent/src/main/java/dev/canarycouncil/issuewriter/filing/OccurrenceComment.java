package dev.canarycouncil.issuewriter.filing;

import dev.canarycouncil.runtime.schema.IssueDraft;

/**
 * The comment that records another occurrence of a failure on its open issue: the new title in
 * one line, this occurrence's full report folded away, and the analysis marker that keeps a retry
 * from commenting twice. The report's own markers are dropped so the comment is never mistaken
 * for the issue.
 */
final class OccurrenceComment {

    private OccurrenceComment() {}

    static String render(IssueDraft draft, String analysisId) {
        return "**Seen again** (analysis `" + analysisId + "`): " + draft.title() + "\n\n"
                + "<details><summary>Report of this occurrence</summary>\n\n"
                + IssueMarkers.withoutMarkers(draft.body()).strip() + "\n\n"
                + "</details>\n\n"
                + IssueMarkers.analysisLine(analysisId) + "\n";
    }
}
