package dev.canarycouncil.orchestrator.members;

import java.util.List;

/** Finds members at run time (e.g. labelled Kubernetes Services) in addition to the configured ones. */
public interface MemberDiscovery {

    /**
     * @return the members found now; an entry that cannot be used carries its problem
     * @throws Exception when the source cannot be asked (the last answer is kept)
     */
    List<MemberEntry> discover() throws Exception;

    /** What is asked, for messages, e.g. "Services labelled canary-council.dev/member=true in team-a". */
    String describe();
}
