package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.orchestrator.members.CardCheck;
import dev.canarycouncil.orchestrator.members.MemberDiscovery;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.RemoteAgentException;
import dev.canarycouncil.runtime.http.Failures;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.spec.AgentCard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The council's registry: members from configuration and discovery, each known by its agent
 * card. Cards are fetched in parallel with a short deadline, validated ({@link CardCheck}), and
 * read again once older than the refresh interval; a card that cannot be read is tried again at
 * the next analysis, so agents may start in any order. Meanwhile such a member is reported as
 * unavailable — it counts against the council's confidence and is named in the rationale —
 * rather than silently skipped.
 */
public final class CouncilDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CouncilDirectory.class);

    /** Per card fetch: a member whose card endpoint hangs must not hold up an analysis. */
    public static final Duration CARD_DEADLINE = Duration.ofSeconds(5);

    private final MembersConfig config;
    private final MemberDiscovery discovery;
    private final A2AHttpClient cardHttp;
    private final A2AHttpClient callHttp;
    private final Executor calls;
    private final Duration defaultTimeout;
    private final Clock clock;
    private final Map<String, Known> known = new LinkedHashMap<>();
    private List<MemberEntry> discovered = List.of();
    private Instant discoveredAt;

    private record Known(CouncilMember member, Instant fetchedAt, String cardJson, MemberEntry entry) {}

    /** Members by card URL, with default settings and no discovery. */
    public CouncilDirectory(List<String> cardUrls, A2AHttpClient http, Executor calls) {
        this(
                MembersConfig.of(cardUrls),
                null,
                http,
                http,
                calls,
                CouncilSettings.defaults().deadline(),
                Clock.systemUTC());
    }

    /**
     * @param discovery      members found at run time; null for configured members only
     * @param cardHttp       reads cards (short timeouts)
     * @param callHttp       calls members (its timeouts must outlast the longest member timeout)
     * @param defaultTimeout a member's time per analysis unless its entry says otherwise
     */
    public CouncilDirectory(
            MembersConfig config,
            MemberDiscovery discovery,
            A2AHttpClient cardHttp,
            A2AHttpClient callHttp,
            Executor calls,
            Duration defaultTimeout,
            Clock clock) {
        this.config = config;
        this.discovery = discovery;
        this.cardHttp = cardHttp;
        this.callHttp = callHttp;
        this.calls = calls;
        this.defaultTimeout = defaultTimeout;
        this.clock = clock;
    }

    /** Every member, reading the cards not read yet, unusable, or older than the refresh interval. */
    public synchronized List<CouncilMember> members() {
        Map<String, MemberEntry> entries = new LinkedHashMap<>();
        for (MemberEntry e : config.members()) {
            entries.putIfAbsent(e.cardUrl(), e);
        }
        for (MemberEntry e : discover()) {
            entries.putIfAbsent(e.cardUrl(), e);
        }
        known.keySet().retainAll(entries.keySet());
        Instant now = clock.instant();
        Map<String, CompletableFuture<Known>> loading = new LinkedHashMap<>();
        for (MemberEntry entry : entries.values()) {
            Known k = known.get(entry.cardUrl());
            // A changed entry (a Service's new weight, veto or token) is a reason to rebuild the member.
            boolean stale = k == null
                    || !k.member().available()
                    || !k.entry().equals(entry)
                    || Duration.between(k.fetchedAt(), now).compareTo(config.refresh()) >= 0;
            if (stale) {
                loading.put(entry.cardUrl(), CompletableFuture.supplyAsync(() -> load(entry, k, now), calls));
            }
        }
        // One deadline for all: N stalled card endpoints cost one card deadline, not N.
        long deadline = System.nanoTime() + CARD_DEADLINE.toNanos() + TimeUnit.SECONDS.toNanos(1);
        for (Map.Entry<String, CompletableFuture<Known>> l : loading.entrySet()) {
            MemberEntry entry = entries.get(l.getKey());
            known.put(l.getKey(), await(entry, l.getValue(), known.get(l.getKey()), deadline, now));
        }
        return distinctNames(entries);
    }

    private Known await(
            MemberEntry entry, CompletableFuture<Known> loading, Known previous, long deadline, Instant now) {
        try {
            return loading.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            loading.cancel(true);
            if (previous != null
                    && previous.member().available()
                    && previous.entry().equals(entry)) {
                LOG.warn(
                        "Card of council member {} was not re-read within {} s, keeping the last one",
                        previous.member().name(),
                        CARD_DEADLINE.toSeconds());
                return new Known(previous.member(), now, previous.cardJson(), entry);
            }
            return unavailable(
                    entry,
                    "its card at " + entry.cardUrl() + " was not read within " + CARD_DEADLINE.toSeconds() + " s",
                    now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(entry, "interrupted while reading its card", now);
        } catch (Exception e) {
            return unavailable(entry, "its card could not be read: " + Failures.describe(e), now);
        }
    }

    private Known load(MemberEntry entry, Known previous, Instant now) {
        if (entry.problem().isPresent()) {
            return unavailable(entry, entry.problem().get(), now);
        }
        AgentCard card;
        try {
            card = RemoteAgent.fetchCard(cardHttp, entry.cardUrl());
        } catch (RemoteAgentException e) {
            if (previous != null
                    && previous.member().available()
                    && previous.entry().equals(entry)) {
                // A blip on the card endpoint does not unseat a member; a failing agent fails its calls.
                LOG.warn(
                        "Card of council member {} could not be re-read, keeping the last one: {}",
                        previous.member().name(),
                        e.getMessage());
                return new Known(previous.member(), now, previous.cardJson(), entry);
            }
            LOG.warn("Council member at {} is unavailable: {}", entry.cardUrl(), e.getMessage());
            return unavailable(entry, e.getMessage(), now);
        }
        String json = String.valueOf(card);
        if (previous != null
                && previous.member().available()
                && json.equals(previous.cardJson())
                && previous.entry().equals(entry)) {
            return new Known(previous.member(), now, json, entry);
        }
        Optional<String> refused = CardCheck.problem(card);
        if (refused.isPresent()) {
            String problem = refused.get();
            LOG.warn("Council member at {} has an unusable card: {}", entry.cardUrl(), problem);
            return unavailable(entry, "its card at " + entry.cardUrl() + " is unusable: " + problem, now);
        }
        Set<String> tags = CardCheck.tags(card);
        try {
            RemoteAgent agent = RemoteAgent.connect(card, callHttp, calls, entry.secret());
            LOG.info("Council member {} found at {} (tags {}, from {})", card.name(), card.url(), tags, entry.origin());
            return new Known(
                    new CouncilMember(
                            entry.cardUrl(),
                            card.name(),
                            agent,
                            tags,
                            null,
                            entry.policy(defaultTimeout),
                            entry.origin()),
                    now,
                    json,
                    entry);
        } catch (RemoteAgentException e) {
            return unavailable(entry, e.getMessage(), now);
        }
    }

    private Known unavailable(MemberEntry entry, String reason, Instant now) {
        return new Known(
                CouncilMember.unavailable(entry.cardUrl(), reason, entry.policy(defaultTimeout), entry.origin()),
                now,
                null,
                entry);
    }

    /** A second card claiming a member's name would blur the rationale and borrow its weight: refused. */
    private List<CouncilMember> distinctNames(Map<String, MemberEntry> entries) {
        Map<String, String> owners = new HashMap<>();
        List<CouncilMember> result = new ArrayList<>();
        for (String url : entries.keySet()) {
            CouncilMember m = known.get(url).member();
            if (m.available()) {
                String owner = owners.putIfAbsent(m.name(), url);
                if (owner != null) {
                    m = CouncilMember.unavailable(
                            url,
                            "its card claims the name '" + m.name() + "', already taken by the member at " + owner,
                            m.policy(),
                            m.origin());
                }
            }
            result.add(m);
        }
        return result;
    }

    private List<MemberEntry> discover() {
        if (discovery == null) {
            return List.of();
        }
        Instant now = clock.instant();
        if (discoveredAt != null && Duration.between(discoveredAt, now).compareTo(config.refresh()) < 0) {
            return discovered;
        }
        try {
            discovered = List.copyOf(discovery.discover());
            // Only a success waits for the refresh interval: a failed discovery is retried at the next analysis.
            discoveredAt = now;
            LOG.info("Discovered {} council member(s) from {}", discovered.size(), discovery.describe());
        } catch (Exception e) {
            LOG.warn(
                    "Could not discover members from {} (keeping the last {}): {}",
                    discovery.describe(),
                    discovered.size(),
                    Failures.describe(e));
        }
        return discovered;
    }

    @Override
    public synchronized void close() {
        known.values().stream()
                .map(Known::member)
                .filter(CouncilMember::available)
                .forEach(m -> m.agent().close());
    }
}
