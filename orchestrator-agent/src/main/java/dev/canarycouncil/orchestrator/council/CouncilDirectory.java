package dev.canarycouncil.orchestrator.council;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.RemoteAgentException;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The council's members, discovered from their agent cards. A card that cannot be read is
 * tried again at the next analysis, so agents may start in any order; meanwhile the member is
 * reported as unavailable rather than silently skipped.
 */
public final class CouncilDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CouncilDirectory.class);

    private final List<String> cardUrls;
    private final A2AHttpClient http;
    private final Executor calls;
    private final Map<String, CouncilMember> members = new LinkedHashMap<>();

    public CouncilDirectory(List<String> cardUrls, A2AHttpClient http, Executor calls) {
        this.cardUrls = List.copyOf(cardUrls);
        this.http = http;
        this.calls = calls;
    }

    /** Every configured member, (re)reading the cards not read yet. */
    public synchronized List<CouncilMember> members() {
        for (String url : cardUrls) {
            CouncilMember known = members.get(url);
            if (known == null || !known.available()) {
                members.put(url, load(url));
            }
        }
        return new ArrayList<>(members.values());
    }

    private CouncilMember load(String url) {
        try {
            AgentCard card = RemoteAgent.fetchCard(http, url);
            Set<String> tags = new HashSet<>();
            for (AgentSkill skill : card.skills()) {
                tags.addAll(skill.tags());
            }
            LOG.info("Council member {} found at {} (tags {})", card.name(), card.url(), tags);
            return new CouncilMember(url, card.name(), RemoteAgent.connect(card, http, calls), tags, null);
        } catch (RemoteAgentException e) {
            LOG.warn("Council member at {} is unavailable: {}", url, e.getMessage());
            // Counted as a voter: its absence must lower the council's confidence, not go unnoticed.
            return new CouncilMember(url, url, null, Set.of(CouncilMember.VOTER_TAG), e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        members.values().stream().filter(CouncilMember::available).forEach(m -> m.agent().close());
    }
}
