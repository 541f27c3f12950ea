package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.orchestrator.members.MemberPolicy;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import java.util.Set;

/**
 * A configured member of the council: reachable (with its client) or not (with the reason).
 *
 * @param cardUrl  where its card was looked up; names the member while its card is unreadable
 * @param tags     the tags of its card's skills, which decide when it is asked
 * @param policy   its weight, timeout and veto right
 * @param origin   where it was configured (--member, a members file, a Kubernetes Service)
 */
public record CouncilMember(
        String cardUrl,
        String name,
        RemoteAgent agent,
        Set<String> tags,
        String unavailableReason,
        MemberPolicy policy,
        String origin) {

    public static final String VOTER_TAG = "canary-analysis";
    public static final String ISSUE_WRITER_TAG = "issue-writing";

    /**
     * A member that cannot be asked, named by its card URL. It counts as a voter: its absence must
     * lower the council's confidence, not go unnoticed.
     */
    public static CouncilMember unavailable(String cardUrl, String reason, MemberPolicy policy, String origin) {
        return new CouncilMember(cardUrl, cardUrl, null, Set.of(VOTER_TAG), reason, policy, origin);
    }

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
