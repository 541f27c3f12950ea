package dev.canarycouncil.orchestrator.members;

import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentInterface;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.TransportProtocol;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a fetched card describes an agent the council can call and understand. A card that
 * fails is not called at all: the member shows as unavailable with the reason, so a typo in a
 * plug-in's card is a named problem in the verdict rather than a confusing call failure.
 */
public final class CardCheck {

    private static final int MAX_NAME = 100;

    private CardCheck() {}

    /** @return what is wrong with the card; empty when it is usable */
    public static Optional<String> problem(AgentCard card) {
        return Optional.ofNullable(firstProblem(card));
    }

    private static String firstProblem(AgentCard card) {
        if (card.name() == null || card.name().isBlank()) {
            return "the card has no name";
        }
        if (card.name().length() > MAX_NAME || !card.name().matches("[\\p{L}\\p{N} ._:/@()-]+")) {
            return "the card's name is longer than " + MAX_NAME + " characters or has control or markup characters";
        }
        if (card.url() == null
                || !(card.url().startsWith("http://") || card.url().startsWith("https://"))) {
            return "the card's url '" + card.url() + "' is not an http(s) URL";
        }
        String version = card.protocolVersion();
        if (version != null && !version.isBlank() && !version.startsWith("0.3")) {
            return "the card declares A2A protocol " + version + "; the council speaks 0.3 (an SDK 1.x agent needs its "
                    + "0.3 compatibility on)";
        }
        if (!speaksJsonRpc(card)) {
            return "the card offers no JSONRPC transport (preferred " + card.preferredTransport() + ")";
        }
        if (card.skills() == null || card.skills().isEmpty()) {
            return "the card declares no skills, so the council cannot tell what to ask it";
        }
        if (tags(card).isEmpty()) {
            return "the card's skills have no tags (e.g. canary-analysis, logs, metrics, traces, database)";
        }
        return null;
    }

    /** Every tag of every skill, which decides when the member is asked. */
    public static Set<String> tags(AgentCard card) {
        Set<String> tags = new LinkedHashSet<>();
        if (card.skills() != null) {
            for (AgentSkill skill : card.skills()) {
                if (skill.tags() != null) {
                    skill.tags().stream().filter(t -> t != null && !t.isBlank()).forEach(tags::add);
                }
            }
        }
        return tags;
    }

    private static boolean speaksJsonRpc(AgentCard card) {
        String jsonRpc = TransportProtocol.JSONRPC.asString();
        if (card.preferredTransport() == null || jsonRpc.equalsIgnoreCase(card.preferredTransport())) {
            return true;
        }
        if (card.additionalInterfaces() != null) {
            for (AgentInterface i : card.additionalInterfaces()) {
                if (jsonRpc.equalsIgnoreCase(i.transport())) {
                    return true;
                }
            }
        }
        return false;
    }
}
