package dev.canarycouncil.issuewriter.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.issuewriter.Drafts;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.IssueDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filer's parts that need no GitHub: configuration, backoff, rate limit times, the outbox. */
class FilingPartsTest {

    private static final String TOKEN = "ghp_" + "C0nfC0nfC0nfC0nfC0nfC0nfC0nfC0nfC0nf1";

    @Test
    void theConfigurationNeverPrintsItsToken() {
        GitHubFilingConfig config = GitHubFilingConfig.of("acme/checkout", TOKEN, Path.of("/var/outbox"));
        assertEquals(GitHubFilingConfig.DEFAULT_API_URL, config.apiUrl());
        assertFalse(config.toString().contains(TOKEN));
        assertTrue(config.toString().contains("token=<redacted>"));
        assertEquals("jules", config.withAssignee("@jules").assignee());
    }

    @Test
    void aBadConfigurationIsRefusedWithAReasonAndWithoutTheToken() {
        IllegalArgumentException repo = assertThrows(
                IllegalArgumentException.class, () -> GitHubFilingConfig.of("checkout", TOKEN, Path.of("o")));
        assertEquals("GitHub repository must be owner/name, was checkout", repo.getMessage());
        IllegalArgumentException blank = assertThrows(
                IllegalArgumentException.class, () -> GitHubFilingConfig.of("acme/checkout", " ", Path.of("o")));
        assertTrue(blank.getMessage().startsWith("a GitHub token is required"));
        IllegalArgumentException newline = assertThrows(
                IllegalArgumentException.class,
                () -> GitHubFilingConfig.of("acme/checkout", TOKEN + "\nX-Evil: 1", Path.of("o")));
        assertFalse(newline.getMessage().contains(TOKEN));
        assertThrows(
                IllegalArgumentException.class,
                () -> GitHubFilingConfig.of("acme/checkout", TOKEN, Path.of("o"))
                        .withApiUrl("ftp://example.com"));
    }

    @Test
    void backoffDoublesUpToItsCapAndStretchesToARateLimit() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(240), backoff.after(4));
        assertEquals(Duration.ofMinutes(5), backoff.after(5));
        assertEquals(Duration.ofMinutes(5), backoff.after(500));
        Instant now = Instant.parse("2026-05-05T10:00:00Z");
        assertEquals(
                now.plusSeconds(3600),
                backoff.next(now, 1, now.plusSeconds(3600)),
                "a rate limit is waited out in full");
    }

    @Test
    void rateLimitsSayWhenToComeBack() {
        Instant now = Instant.parse("2026-05-05T10:00:00Z");
        assertEquals(now.plusSeconds(42), RateLimitHandlers.retryAt("42", null, null, null, now));
        assertEquals(
                Instant.parse("2026-05-05T10:05:00Z"),
                RateLimitHandlers.retryAt("Tue, 05 May 2026 10:05:00 GMT", null, null, null, now));
        // The reset is read against GitHub's clock: ours is 10 s ahead here, GitHub's reset is 60 s away.
        long reset = Instant.parse("2026-05-05T10:00:50Z").getEpochSecond();
        assertEquals(
                now.plusSeconds(61),
                RateLimitHandlers.retryAt(null, "0", String.valueOf(reset), "Tue, 05 May 2026 09:59:50 GMT", now));
        assertEquals(now.plus(RateLimitHandlers.DEFAULT_WAIT), RateLimitHandlers.retryAt(null, null, null, null, now));
    }

    @Test
    void failuresAreSortedIntoWhatRetryingCanFix() {
        assertTrue(GitHubFailure.ofStatus(502, "Bad Gateway", "a/b").retryable());
        assertTrue(GitHubFailure.ofStatus(429, null, "a/b").retryable());
        GitHubFailure token = GitHubFailure.ofStatus(401, "Bad credentials", "a/b");
        assertFalse(token.retryable());
        assertTrue(token.blocksAll());
        assertTrue(
                GitHubFailure.ofStatus(404, "Not Found", "a/b").message().startsWith("GitHub has no repository a/b"));
        GitHubFailure invalid = GitHubFailure.ofStatus(422, "Validation Failed", "a/b");
        assertFalse(invalid.retryable());
        assertFalse(invalid.blocksAll(), "one refused draft does not stop the others");
    }

    @Test
    void theOutboxKeepsDraftsOldestFirstAndSetsAsideWhatItCannotRead(@TempDir Path tmp) throws Exception {
        Outbox outbox = new Outbox(tmp);
        IssueDraft draft = Drafts.panicDraft("id-2");
        PendingIssue newer = PendingIssue.of("id-2", draft, Instant.parse("2026-05-05T10:02:00Z"));
        PendingIssue older = PendingIssue.of("id-1", Drafts.panicDraft("id-1"), Instant.parse("2026-05-05T10:01:00Z"));
        outbox.put(newer);
        outbox.put(older);
        Files.writeString(tmp.resolve("garbage-x.json"), "{ not json");

        assertEquals(List.of(older, newer), outbox.pending());
        assertTrue(Files.exists(tmp.resolve("garbage-x.json.unreadable")), "set aside for a person, not deleted");
        assertEquals(
                draft.fingerprint() + "-id-2.json",
                outbox.fileOf(newer).getFileName().toString());
        try (var files = Files.list(tmp)) {
            assertTrue(
                    files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no half-written files remain");
        }

        outbox.remove(older);
        assertEquals(List.of(newer), outbox.pending());
    }

    @Test
    void draftsWrittenBeforeTheDetailFieldStillRead() throws Exception {
        IssueDraft old = Json.mapper()
                .readValue(
                        "{\"title\":\"t\",\"body\":\"b\",\"labels\":[\"x\"],\"fingerprint\":\"f\","
                                + "\"url\":null,\"state\":\"draft\"}",
                        IssueDraft.class);
        assertEquals(IssueDraft.draft("t", "b", List.of("x"), "f").build(), old);
        IssueDraft now = old.withOutcome("https://github.com/a/b/issues/1", "filed", "filed #1");
        assertEquals(now, Json.mapper().readValue(Json.mapper().writeValueAsString(now), IssueDraft.class));
    }
}
