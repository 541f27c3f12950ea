package dev.canarycouncil.orchestrator.council;

import java.util.Set;

import dev.canarycouncil.runtime.a2a.client.RemoteAgent;

/**
 * A configured member of the council: reachable (with its client) or not (with the reason).
 *
 * @param cardUrl  where its card was looked up; names the member while its card is unreadable
 * @param tags     the tags of its card's skills, which decide its role
 */
public record CouncilMember(String cardUrl, String name, RemoteAgent agent, Set<String> tags, String unavailableReason) {

    public static final String VOTER_TAG = "canary-analysis";
    public static final String ISSUE_WRITER_TAG = "issue-writing";

    public boolean available() {
        return agent != null;
    }

    public boolean votes() {
        return tags.contains(VOTER_TAG);
    }

    public boolean writesIssues() {
        return tags.contains(ISSUE_WRITER_TAG);
    }
}
