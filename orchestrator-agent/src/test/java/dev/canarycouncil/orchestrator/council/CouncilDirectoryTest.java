package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.orchestrator.members.MemberDiscovery;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.members.MemberPolicy;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import dev.canarycouncil.runtime.http.VertxFactory;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry over real HTTP: card servers whose answer the test changes between calls, and a
 * clock the test moves, so refreshes happen exactly when the interval says.
 */
class CouncilDirectoryTest {

    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    private static final String CARD_PATH = "/.well-known/agent-card.json";

    private static Vertx vertx;
    private static ExecutorService calls;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
    // Like the orchestrator's: short connect and request timeouts for cards.
    private final TimeoutA2aHttpClient cardHttp =
            new TimeoutA2aHttpClient(Duration.ofSeconds(5), CouncilDirectory.CARD_DEADLINE);
    private final TimeoutA2aHttpClient callHttp =
            new TimeoutA2aHttpClient(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(8);
        calls = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        calls.shutdownNow();
    }

    @AfterEach
    void closeOpened() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** A clock that moves only when told. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** How a card server answers. */
    enum Mode {
        CARD,
        NOT_FOUND,
        STALLS
    }

    /** One agent's card endpoint whose answer can change between calls; counts the GETs. */
    final class CardServer {
        final HttpEndpoint endpoint;
        final AtomicReference<String> body = new AtomicReference<>();
        final AtomicReference<Mode> mode = new AtomicReference<>(Mode.CARD);
        final AtomicInteger gets = new AtomicInteger();

        CardServer(String name, String... tags) {
            endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
            opened.add(endpoint);
            body.set(card(name, tags));
            endpoint.router().get(CARD_PATH).handler(rc -> {
                gets.incrementAndGet();
                switch (mode.get()) {
                    case CARD ->
                        rc.response()
                                .putHeader("Content-Type", "application/json")
                                .end(body.get());
                    case NOT_FOUND -> rc.response().setStatusCode(404).end("no card here");
                    // Headers, then a body that never ends: the request timeout no longer applies.
                    case STALLS ->
                        rc.response()
                                .setChunked(true)
                                .putHeader("Content-Type", "application/json")
                                .write("{");
                }
            });
        }

        String card(String name, String... tags) {
            return cardJson(name, endpoint.baseUrl(), tags, "");
        }

        String cardUrl() {
            return endpoint.baseUrl() + CARD_PATH;
        }
    }

    static String cardJson(String name, String url, String[] tags, String extra) {
        return """
                {"name":"%s","description":"test plug-in","url":"%s","version":"1.0.0","protocolVersion":"0.3.0",
                 "preferredTransport":"JSONRPC","capabilities":{"streaming":false},
                 "defaultInputModes":["application/json"],"defaultOutputModes":["application/json"],
                 "skills":[{"id":"judge","name":"judge","description":"judges canaries","tags":[%s]}]%s}
                """.formatted(
                name,
                url,
                String.join(
                        ",",
                        java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"").toList()),
                extra);
    }

    private CouncilDirectory directory(List<MemberEntry> entries, MemberDiscovery discovery) {
        CouncilDirectory d = new CouncilDirectory(
                new MembersConfig(entries, null, REFRESH),
                discovery,
                cardHttp,
                callHttp,
                calls,
                DEFAULT_TIMEOUT,
                clock);
        opened.add(d);
        return d;
    }

    private static CouncilMember byUrl(List<CouncilMember> members, String cardUrl) {
        return members.stream()
                .filter(m -> m.cardUrl().equals(cardUrl))
                .findFirst()
                .orElseThrow(() -> new AssertionError(cardUrl + " not among " + members));
    }

    /** A closed port: nothing listens there any more. */
    private static String closedPortUrl() {
        HttpEndpoint e = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        String url = e.baseUrl() + CARD_PATH;
        e.close();
        return url;
    }

    @Test
    void membersCarryTheirCardsNameTagsAndTheirEntrysPolicy() {
        CardServer db = new CardServer("db-checker", "canary-analysis", "database");
        CardServer logs = new CardServer("log-helper", "logs");
        CouncilDirectory d = directory(
                List.of(
                        new MemberEntry(db.cardUrl(), 0.5, Duration.ofSeconds(20), false, "members.yaml"),
                        MemberEntry.of(logs.cardUrl(), "--member")),
                null);

        List<CouncilMember> members = d.members();

        assertEquals(2, members.size());
        CouncilMember first = members.get(0);
        assertTrue(first.available(), String.valueOf(first.unavailableReason()));
        assertNull(first.unavailableReason());
        assertEquals("db-checker", first.name());
        assertEquals(db.cardUrl(), first.cardUrl());
        assertEquals(Set.of("canary-analysis", "database"), first.tags());
        assertTrue(first.votes());
        assertEquals(new MemberPolicy(0.5, Duration.ofSeconds(20), false), first.policy());
        assertEquals("members.yaml", first.origin());

        CouncilMember second = members.get(1);
        assertTrue(second.available());
        assertEquals("log-helper", second.name());
        assertEquals(Set.of("logs"), second.tags());
        assertFalse(second.votes());
        assertEquals(MemberPolicy.defaults(DEFAULT_TIMEOUT), second.policy());
    }

    @Test
    void aCardIsReadAgainOnlyAfterTheRefreshIntervalAndChangesShowUp() {
        CardServer db = new CardServer("db-checker", "canary-analysis");
        CouncilDirectory d = directory(List.of(MemberEntry.of(db.cardUrl(), "test")), null);

        assertEquals(Set.of("canary-analysis"), d.members().get(0).tags());
        assertEquals(1, db.gets.get());

        db.body.set(db.card("db-checker", "canary-analysis", "database"));
        clock.advance(REFRESH.minusSeconds(1));
        assertEquals(Set.of("canary-analysis"), d.members().get(0).tags(), "within the interval the known card stands");
        d.members();
        assertEquals(1, db.gets.get(), "no card is read again within the refresh interval");

        clock.advance(Duration.ofSeconds(2));
        CouncilMember refreshed = d.members().get(0);
        assertEquals(2, db.gets.get(), "past the refresh interval the card is read again");
        assertTrue(refreshed.available());
        assertEquals(Set.of("canary-analysis", "database"), refreshed.tags());

        d.members();
        assertEquals(2, db.gets.get(), "the interval starts again from the last read");
    }

    @Test
    void anUnreadableCardMakesTheMemberUnavailableAndIsTriedAgainAtTheNextCall() {
        CardServer late = new CardServer("late-starter", "canary-analysis");
        late.mode.set(Mode.NOT_FOUND);
        String closed = closedPortUrl();
        CouncilDirectory d = directory(
                List.of(MemberEntry.of(late.cardUrl(), "test"), new MemberEntry(closed, 0.5, null, false, "test")),
                null);

        List<CouncilMember> first = d.members();
        CouncilMember lateMember = byUrl(first, late.cardUrl());
        assertFalse(lateMember.available());
        assertNotNull(lateMember.unavailableReason());
        assertTrue(lateMember.unavailableReason().contains(late.cardUrl()), lateMember.unavailableReason());
        assertTrue(lateMember.votes(), "an unavailable member counts as a voter, so its absence lowers confidence");
        CouncilMember closedMember = byUrl(first, closed);
        assertFalse(closedMember.available());
        assertTrue(closedMember.unavailableReason().contains("connection refused"), closedMember.unavailableReason());
        assertEquals(new MemberPolicy(0.5, DEFAULT_TIMEOUT, false), closedMember.policy(), "its policy still applies");

        late.mode.set(Mode.CARD);
        CouncilMember now = byUrl(d.members(), late.cardUrl());
        assertEquals(2, late.gets.get(), "tried again at once, without waiting for the refresh interval");
        assertTrue(now.available(), String.valueOf(now.unavailableReason()));
        assertEquals("late-starter", now.name());
    }

    @Test
    void aKnownMemberIsKeptWhenItsCardEndpointStartsFailing() {
        CardServer db = new CardServer("db-checker", "canary-analysis");
        CouncilDirectory d = directory(List.of(MemberEntry.of(db.cardUrl(), "test")), null);
        assertTrue(d.members().get(0).available());

        db.mode.set(Mode.NOT_FOUND);
        clock.advance(REFRESH.plusSeconds(1));
        CouncilMember kept = d.members().get(0);
        assertEquals(2, db.gets.get(), "the card was read again");
        assertTrue(kept.available(), String.valueOf(kept.unavailableReason()));
        assertEquals("db-checker", kept.name());
        assertEquals(Set.of("canary-analysis"), kept.tags());

        d.members();
        assertEquals(2, db.gets.get(), "a kept member waits for the next interval before its card is read again");
    }

    @Test
    void aCardThatNeverFinishesIsGivenUpAfterTheDeadline() {
        CardServer good = new CardServer("db-checker", "canary-analysis");
        CardServer stuck = new CardServer("stuck", "canary-analysis");
        stuck.mode.set(Mode.STALLS);
        CouncilDirectory d = directory(
                List.of(MemberEntry.of(good.cardUrl(), "test"), MemberEntry.of(stuck.cardUrl(), "test")), null);

        long started = System.nanoTime();
        List<CouncilMember> members = d.members();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertTrue(seconds < 8, "members() took " + seconds + " s");
        assertTrue(seconds >= CouncilDirectory.CARD_DEADLINE.toSeconds() - 0.5, "gave up after only " + seconds + " s");
        assertTrue(byUrl(members, good.cardUrl()).available(), "one stuck card does not hold up the others");
        CouncilMember s = byUrl(members, stuck.cardUrl());
        assertFalse(s.available());
        assertTrue(s.unavailableReason().contains("not read within"), s.unavailableReason());
        assertTrue(s.unavailableReason().contains(stuck.cardUrl()), s.unavailableReason());
    }

    @Test
    void severalStalledCardsAreGivenUpTogetherAndAKnownMemberIsKept() {
        // "known" had a usable card; "stuck" never had. Both card endpoints then stall at once.
        CardServer known = new CardServer("db-checker", "canary-analysis");
        CardServer stuck = new CardServer("stuck", "canary-analysis");
        stuck.mode.set(Mode.NOT_FOUND);
        CouncilDirectory d = directory(
                List.of(MemberEntry.of(known.cardUrl(), "test"), MemberEntry.of(stuck.cardUrl(), "test")), null);
        List<CouncilMember> before = d.members();
        assertTrue(byUrl(before, known.cardUrl()).available());
        assertFalse(byUrl(before, stuck.cardUrl()).available());

        known.mode.set(Mode.STALLS);
        stuck.mode.set(Mode.STALLS);
        clock.advance(REFRESH.plusSeconds(1));
        long started = System.nanoTime();
        List<CouncilMember> members = d.members();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(2, known.gets.get());
        assertEquals(2, stuck.gets.get());
        CouncilMember s = byUrl(members, stuck.cardUrl());
        CouncilMember k = byUrl(members, known.cardUrl());
        assertAll(
                // The cards are read in parallel, so two stalls should cost one deadline, not two.
                () -> assertTrue(seconds < 8, "members() took " + seconds + " s for two stalled cards"),
                () -> assertFalse(s.available()),
                () -> assertTrue(
                        String.valueOf(s.unavailableReason()).contains("not read within"), s.unavailableReason()),
                // Like a 404, a stalled read is a blip of the card endpoint, not proof that the agent is gone.
                () -> assertTrue(
                        k.available(), "a known member was unseated by a stalled card read: " + k.unavailableReason()));
    }

    @Test
    void aSecondCardClaimingATakenNameIsRefused() {
        CardServer original = new CardServer("db-checker", "canary-analysis");
        CardServer impostor = new CardServer("db-checker", "canary-analysis");
        CouncilDirectory d = directory(
                List.of(MemberEntry.of(original.cardUrl(), "test"), MemberEntry.of(impostor.cardUrl(), "test")), null);

        List<CouncilMember> members = d.members();
        assertTrue(members.get(0).available());
        assertEquals(original.cardUrl(), members.get(0).cardUrl());
        CouncilMember second = members.get(1);
        assertFalse(second.available());
        assertEquals(impostor.cardUrl(), second.cardUrl());
        assertTrue(second.unavailableReason().contains("claims the name 'db-checker'"), second.unavailableReason());
        assertTrue(second.unavailableReason().contains(original.cardUrl()), second.unavailableReason());
    }

    @Test
    void aCardAskingForAuthenticationNeedsASecret() {
        CardServer guarded = new CardServer("guarded", "canary-analysis");
        guarded.body.set(cardJson(
                "guarded",
                guarded.endpoint.baseUrl(),
                new String[] {"canary-analysis"},
                ",\"securitySchemes\":{\"council\":{\"type\":\"http\",\"scheme\":\"bearer\"}},"
                        + "\"security\":[{\"council\":[]}]"));
        CouncilDirectory without = directory(List.of(MemberEntry.of(guarded.cardUrl(), "test")), null);
        CouncilMember refused = without.members().get(0);
        assertFalse(refused.available());
        assertTrue(refused.unavailableReason().contains("authentication"), refused.unavailableReason());

        CouncilDirectory with = directory(
                List.of(MemberEntry.of(guarded.cardUrl(), "test").withSecret(AgentSecret.of("a-token"))), null);
        CouncilMember accepted = with.members().get(0);
        assertTrue(accepted.available(), String.valueOf(accepted.unavailableReason()));
        assertEquals("guarded", accepted.name());
    }

    @Test
    void anUnusableCardIsNamedWithItsProblem() {
        CardServer noTags = new CardServer("tagless");
        CouncilMember m = directory(List.of(MemberEntry.of(noTags.cardUrl(), "test")), null)
                .members()
                .get(0);
        assertFalse(m.available());
        assertTrue(m.unavailableReason().contains("unusable"), m.unavailableReason());
        assertTrue(m.unavailableReason().contains("tags"), m.unavailableReason());
    }

    /** A discovery whose answers the test scripts; counts how often it is asked. */
    static final class ScriptedDiscovery implements MemberDiscovery {
        final AtomicInteger asked = new AtomicInteger();
        volatile Supplier<List<MemberEntry>> answer = List::of;

        @Override
        public List<MemberEntry> discover() {
            asked.incrementAndGet();
            return answer.get();
        }

        @Override
        public String describe() {
            return "scripted test discovery";
        }
    }

    @Test
    void discoveredMembersJoinAndDiscoveryIsAskedOncePerInterval() {
        CardServer configured = new CardServer("configured", "canary-analysis");
        CardServer found = new CardServer("found", "canary-analysis", "database");
        String broken = "http://broken.team-a.svc/.well-known/agent-card.json";
        ScriptedDiscovery discovery = new ScriptedDiscovery();
        discovery.answer = () -> List.of(
                new MemberEntry(found.cardUrl(), 0.25, null, null, "Service team-a/found"),
                MemberEntry.unusable(
                        broken, "Service team-a/broken", "Service team-a/broken is misconfigured: weight"));
        CouncilDirectory d = directory(List.of(MemberEntry.of(configured.cardUrl(), "test")), discovery);

        List<CouncilMember> members = d.members();
        assertEquals(1, discovery.asked.get());
        assertEquals(
                List.of(configured.cardUrl(), found.cardUrl(), broken),
                members.stream().map(CouncilMember::cardUrl).toList());
        CouncilMember f = byUrl(members, found.cardUrl());
        assertTrue(f.available(), String.valueOf(f.unavailableReason()));
        assertEquals("found", f.name());
        assertEquals(0.25, f.policy().weight());
        assertEquals("Service team-a/found", f.origin());
        CouncilMember b = byUrl(members, broken);
        assertFalse(b.available());
        assertEquals("Service team-a/broken is misconfigured: weight", b.unavailableReason());
        assertEquals(1, found.gets.get());

        clock.advance(REFRESH.minusSeconds(1));
        d.members();
        d.members();
        assertEquals(1, discovery.asked.get(), "discovery is asked at most once per refresh interval");

        clock.advance(Duration.ofSeconds(2));
        discovery.answer = () -> {
            throw new IllegalStateException("the API server is down");
        };
        List<CouncilMember> afterFailure = d.members();
        assertEquals(2, discovery.asked.get());
        assertEquals(
                List.of(configured.cardUrl(), found.cardUrl(), broken),
                afterFailure.stream().map(CouncilMember::cardUrl).toList(),
                "a failed discovery keeps the last answer");
        assertTrue(byUrl(afterFailure, found.cardUrl()).available());

        d.members();
        assertEquals(
                3,
                discovery.asked.get(),
                "a failed discovery is asked again at the next analysis, not after an interval");

        discovery.answer = List::of;
        List<CouncilMember> emptied = d.members();
        assertEquals(4, discovery.asked.get());
        assertEquals(
                List.of(configured.cardUrl()),
                emptied.stream().map(CouncilMember::cardUrl).toList(),
                "a member no longer discovered leaves the council");
    }

    @Test
    void aRediscoveredMembersChangedSettingsApplyAtTheNextRefresh() {
        // A team changes its Service's weight and veto annotations; the card itself stays the same.
        CardServer found = new CardServer("found", "canary-analysis");
        ScriptedDiscovery discovery = new ScriptedDiscovery();
        discovery.answer = () -> List.of(new MemberEntry(found.cardUrl(), 1.0, null, true, "Service team-a/found"));
        CouncilDirectory d = directory(List.of(), discovery);
        assertEquals(
                new MemberPolicy(1.0, DEFAULT_TIMEOUT, true), d.members().get(0).policy());

        discovery.answer = () ->
                List.of(new MemberEntry(found.cardUrl(), 0.25, Duration.ofSeconds(20), false, "Service team-a/found"));
        clock.advance(REFRESH.plusSeconds(1));
        CouncilMember m = d.members().get(0);
        assertEquals(2, discovery.asked.get());
        assertEquals(2, found.gets.get(), "the card was read again");
        assertTrue(m.available());
        assertEquals(
                new MemberPolicy(0.25, Duration.ofSeconds(20), false),
                m.policy(),
                "the member kept its old weight, timeout and veto right although discovery now says otherwise");
    }
}
