package dev.canarycouncil.orchestrator.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembersFileTest {

    private static final Map<String, String> ENV =
            Map.of("DB_CHECKER_TOKEN", "env-token-value-123", "OTHER_SECRET", "other-secret-value-456");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private MembersConfigException failure(String yaml) throws IOException {
        Path file = write("members.yaml", yaml);
        return assertThrows(MembersConfigException.class, () -> new MembersFile(ENV).load(file));
    }

    private static void assertMentions(MembersConfigException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void aFullYamlFileLoadsEveryValue() throws IOException {
        write("config/secrets/db-token", "file-token-value-789\n");
        Path file = write("config/members.yaml", """
                refresh: 2m
                members:
                  - card: http://db-checker.team-a:8080/.well-known/agent-card.json
                    weight: 0.5
                    timeout: 20s
                    veto: false
                    token: {env: DB_CHECKER_TOKEN}
                  - card: https://cache-checker.team-b/.well-known/agent-card.json
                    token:
                      file: secrets/db-token
                  - card: http://plain.team-c:9000
                discovery:
                  kubernetes:
                    namespaces: [team-a, team-b]
                    selector: team=canary
                """);

        MembersConfig config = new MembersFile(ENV).load(file);

        assertEquals(Duration.ofMinutes(2), config.refresh());
        assertEquals(3, config.members().size());

        MemberEntry db = config.members().get(0);
        assertEquals("http://db-checker.team-a:8080/.well-known/agent-card.json", db.cardUrl());
        assertEquals(0.5, db.weight());
        assertEquals(Duration.ofSeconds(20), db.timeout());
        assertEquals(Boolean.FALSE, db.veto());
        assertTrue(db.secret().isPresent());
        assertEquals("env-token-value-123", db.secret().orElseThrow().reveal());
        assertEquals("members.yaml", db.origin());
        assertTrue(db.problem().isEmpty());
        assertEquals(new MemberPolicy(0.5, Duration.ofSeconds(20), false), db.policy(Duration.ofSeconds(90)));

        MemberEntry cache = config.members().get(1);
        assertEquals("https://cache-checker.team-b/.well-known/agent-card.json", cache.cardUrl());
        assertTrue(
                cache.secret().isPresent(), "the relative token file is resolved against the members file's directory");
        assertEquals("file-token-value-789", cache.secret().orElseThrow().reveal());
        assertNull(cache.weight());
        assertNull(cache.timeout());
        assertNull(cache.veto());

        MemberEntry plain = config.members().get(2);
        assertTrue(plain.secret().isEmpty());
        assertEquals(new MemberPolicy(1.0, Duration.ofSeconds(90), true), plain.policy(Duration.ofSeconds(90)));

        assertNotNull(config.discovery());
        assertEquals(List.of("team-a", "team-b"), config.discovery().namespaces());
        assertEquals("team=canary", config.discovery().selector());
    }

    @Test
    void anAbsoluteTokenFileIsReadAsGiven() throws IOException {
        Path token = write("elsewhere/token", "absolute-token\n");
        Path file = write(
                "members.yaml", "members:\n  - card: http://a:1\n    token: {file: " + token.toAbsolutePath() + "}\n");
        assertEquals(
                "absolute-token",
                new MembersFile(ENV)
                        .load(file)
                        .members()
                        .get(0)
                        .secret()
                        .orElseThrow()
                        .reveal());
    }

    @Test
    void jsonWorksTooAndDefaultsApply() throws IOException {
        Path file = write("members.json", """
                {"members": [{"card": "http://a.team:8080/.well-known/agent-card.json", "weight": 2, "veto": true}],
                 "discovery": {"kubernetes": {}}}
                """);
        MembersConfig config = new MembersFile(Map.of()).load(file);
        assertEquals(MembersConfig.DEFAULT_REFRESH, config.refresh());
        MemberEntry a = config.members().get(0);
        assertEquals(2.0, a.weight());
        assertEquals(Boolean.TRUE, a.veto());
        assertEquals("members.json", a.origin());
        assertEquals(List.of(), config.discovery().namespaces());
        assertEquals(ServiceDiscoverySpec.DEFAULT_SELECTOR, config.discovery().selector());
    }

    @Test
    void discoveryAloneIsEnough() throws IOException {
        Path file = write("members.yaml", "discovery:\n  kubernetes:\n    namespaces: [team-a]\n");
        MembersConfig config = new MembersFile(Map.of()).load(file);
        assertTrue(config.members().isEmpty());
        assertEquals(List.of("team-a"), config.discovery().namespaces());
    }

    @Test
    void anUnknownTopLevelKeyIsNamed() throws IOException {
        assertMentions(failure("memebrs:\n  - card: http://a:1\n"), "unknown field 'memebrs'", "members");
    }

    @Test
    void anUnknownMemberKeyIsNamed() throws IOException {
        assertMentions(
                failure("members:\n  - card: http://a:1\n    wieght: 2\n"), "members[0]", "unknown field 'wieght'");
    }

    @Test
    void anUnknownDiscoveryKeyIsNamed() throws IOException {
        assertMentions(
                failure("discovery:\n  kubernetes:\n    namespace: team-a\n"),
                "discovery.kubernetes",
                "unknown field 'namespace'");
    }

    @Test
    void aMemberWithoutCardIsRefused() throws IOException {
        assertMentions(failure("members:\n  - card: http://a:1\n  - weight: 2\n"), "members[1]", "'card'");
    }

    @Test
    void aNonHttpCardIsRefused() throws IOException {
        assertMentions(
                failure("members:\n  - card: ftp://a/card.json\n"), "members[0]", "card 'ftp://a/card.json'", "http");
    }

    @Test
    void aNegativeWeightIsRefused() throws IOException {
        assertMentions(failure("members:\n  - card: http://a:1\n    weight: -1\n"), "members[0]", "weight");
    }

    @Test
    void aTextualWeightIsRefused() throws IOException {
        assertMentions(failure("members:\n  - card: http://a:1\n    weight: heavy\n"), "members[0]", "weight");
    }

    @Test
    void aNanWeightIsRefused() throws IOException {
        // YAML's .nan is not read as a number at all; the file is refused as a whole.
        assertMentions(failure("members:\n  - card: http://a:1\n    weight: .nan\n"), "not valid YAML or JSON");
    }

    @Test
    void aWeightTooLargeForADoubleIsAConfigErrorNamingTheField() throws IOException {
        // 1e400 reads as infinity, which no vote can be weighted by: load() must say so as a
        // MembersConfigException naming the field, like for a negative weight.
        assertMentions(failure("members:\n  - card: http://a:1\n    weight: 1e400\n"), "members[0]", "weight");
    }

    @Test
    void aBadDurationIsNamed() throws IOException {
        assertMentions(
                failure("members:\n  - card: http://a:1\n    timeout: 90 parsecs\n"),
                "members[0]",
                "timeout",
                "90 parsecs");
        assertMentions(failure("refresh: soon\nmembers:\n  - card: http://a:1\n"), "refresh", "soon");
    }

    @Test
    void vetoMustBeABoolean() throws IOException {
        assertMentions(failure("members:\n  - card: http://a:1\n    veto: maybe\n"), "members[0]", "veto");
        assertMentions(failure("members:\n  - card: http://a:1\n    veto: \"true\"\n"), "members[0]", "veto");
    }

    @Test
    void aTokenWrittenInTheFileIsRefusedWithoutRepeatingIt() throws IOException {
        MembersConfigException e = failure("members:\n  - card: http://a:1\n    token: s3cr3t-inline-token\n");
        assertMentions(e, "members[0]", "token", "{env:", "{file:");
        assertFalse(e.getMessage().contains("s3cr3t-inline-token"), e.getMessage());
    }

    @Test
    void aTokenOfAnotherShapeIsRefused() throws IOException {
        assertMentions(failure("members:\n  - card: http://a:1\n    token: {vault: x}\n"), "token", "{env: VARIABLE}");
        assertMentions(
                failure("members:\n  - card: http://a:1\n    token: {env: A, file: b}\n"), "token", "{env: VARIABLE}");
    }

    @Test
    void anUnsetTokenVariableIsNamedButNoValueIs() throws IOException {
        MembersConfigException e = failure("members:\n  - card: http://a:1\n    token: {env: MISSING_TOKEN}\n");
        assertMentions(e, "members[0]", "token", "MISSING_TOKEN");
        for (String value : ENV.values()) {
            assertFalse(e.getMessage().contains(value), e.getMessage());
        }
    }

    @Test
    void anUnreadableTokenFileIsAConfigError() throws IOException {
        assertMentions(
                failure("members:\n  - card: http://a:1\n    token: {file: no/such/token}\n"),
                "members[0]",
                "token",
                "no/such/token");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.yaml");
        MembersConfigException e = assertThrows(MembersConfigException.class, () -> new MembersFile(ENV).load(missing));
        assertMentions(e, missing.toString(), "does not exist");
    }

    @Test
    void aFileThatIsNotYamlIsRefused() throws IOException {
        assertMentions(failure("members: [\n  - card: {\n"), "not valid YAML or JSON");
    }

    @Test
    void aFileThatIsNotAnObjectIsRefused() throws IOException {
        assertMentions(failure("- card: http://a:1\n"), "'members'");
        assertMentions(failure("members: http://a:1\n"), "'members' must be a list");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertMentions(failure(""), "'members'");
        assertMentions(failure("refresh: 1m\n"), "names no member and no discovery");
        assertMentions(failure("members: []\n"), "names no member and no discovery");
    }

    @Test
    void aSecretNeverShowsInText() throws IOException {
        AgentSecret secret = AgentSecret.of("hunter2-very-secret");
        assertFalse(secret.toString().contains("hunter2"), secret.toString());
        assertEquals("<secret>", secret.toString());
        Path file = write("members.yaml", "members:\n  - card: http://a:1\n    token: {env: DB_CHECKER_TOKEN}\n");
        MembersConfig config = new MembersFile(ENV).load(file);
        assertFalse(config.toString().contains("env-token-value-123"), config.toString());
        assertFalse(config.members().get(0).toString().contains("env-token-value-123"));
    }
}
