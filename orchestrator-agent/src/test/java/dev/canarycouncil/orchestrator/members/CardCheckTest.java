package dev.canarycouncil.orchestrator.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.a2a.spec.AgentCard;
import io.a2a.util.Utils;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardCheckTest {

    private static final String SKILLS = """
            [{"id":"judge","name":"judge","description":"judges canaries","tags":["canary-analysis","database"]}]""";

    /** A card as a plug-in would serve it; {@code extra} is spliced in as further top-level fields. */
    private static String json(
            String name, String url, String protocol, String transport, String skills, String extra) {
        return """
                {"name":%s,"description":"test plug-in","url":%s,"version":"1.0.0",%s
                 "preferredTransport":"%s","capabilities":{"streaming":false},
                 "defaultInputModes":["application/json"],"defaultOutputModes":["application/json"],
                 "skills":%s%s}
                """.formatted(
                        quote(name),
                        quote(url),
                        protocol == null ? "" : "\"protocolVersion\":\"" + protocol + "\",",
                        transport,
                        skills,
                        extra == null ? "" : "," + extra);
    }

    private static String quote(String s) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgentCard card(String json) throws Exception {
        return Utils.OBJECT_MAPPER.readValue(json, AgentCard.class);
    }

    private static AgentCard valid() throws Exception {
        return card(json("db-checker", "http://db-checker.team-a:8080", "0.3.0", "JSONRPC", SKILLS, null));
    }

    private static void assertProblem(AgentCard card, String... parts) {
        String problem =
                CardCheck.problem(card).orElseThrow(() -> new AssertionError("the card should be refused: " + card));
        for (String part : parts) {
            assertTrue(problem.contains(part), "'" + part + "' missing from: " + problem);
        }
    }

    private static void assertEmpty(java.util.Optional<String> problem, String... why) {
        assertTrue(problem.isEmpty(), (why.length == 0 ? "" : why[0] + ": ") + problem);
    }

    @Test
    void aValidCardHasNoProblem() throws Exception {
        assertEmpty(CardCheck.problem(valid()));
        assertEmpty(
                CardCheck.problem(
                        card(json("Team A: DB checker (v2) @prod", "https://x/a2a", "0.3.1", "JSONRPC", SKILLS, null))),
                "letters, digits and ordinary punctuation are fine in a name");
    }

    @Test
    void aCardWithoutProtocolVersionIsTakenAs03() throws Exception {
        assertEmpty(CardCheck.problem(card(json("db-checker", "http://x:1", null, "JSONRPC", SKILLS, null))));
    }

    @Test
    void aBlankNameIsAProblem() throws Exception {
        assertProblem(card(json("", "http://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "no name");
        assertProblem(card(json("   ", "http://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "no name");
    }

    @Test
    void aNameWithControlOrMarkupCharactersIsAProblem() throws Exception {
        assertProblem(card(json("db\nchecker", "http://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "name");
        assertProblem(card(json("db\u0007checker", "http://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "name");
        assertProblem(card(json("<script>alert(1)</script>", "http://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "name");
        assertProblem(card(json("x".repeat(101), "http://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "name");
        assertEmpty(CardCheck.problem(card(json("x".repeat(100), "http://x:1", "0.3.0", "JSONRPC", SKILLS, null))));
    }

    @Test
    void aNonHttpUrlIsAProblem() throws Exception {
        assertProblem(card(json("db-checker", "grpc://x:1", "0.3.0", "JSONRPC", SKILLS, null)), "grpc://x:1", "http");
        assertProblem(card(json("db-checker", "javascript:alert(1)", "0.3.0", "JSONRPC", SKILLS, null)), "url");
    }

    @Test
    void anotherProtocolVersionIsAProblemNaming03() throws Exception {
        assertProblem(card(json("db-checker", "http://x:1", "1.0", "JSONRPC", SKILLS, null)), "1.0", "0.3");
        assertProblem(card(json("db-checker", "http://x:1", "0.2.5", "JSONRPC", SKILLS, null)), "0.2.5");
    }

    @Test
    void anotherTransportNeedsAJsonRpcInterface() throws Exception {
        assertProblem(card(json("db-checker", "http://x:1", "0.3.0", "GRPC", SKILLS, null)), "JSONRPC", "GRPC");
        assertProblem(
                card(json(
                        "db-checker",
                        "http://x:1",
                        "0.3.0",
                        "GRPC",
                        SKILLS,
                        "\"additionalInterfaces\":[{\"transport\":\"HTTP+JSON\",\"url\":\"http://x:2\"}]")),
                "JSONRPC");
        assertEmpty(CardCheck.problem(card(json(
                "db-checker",
                "http://x:1",
                "0.3.0",
                "GRPC",
                SKILLS,
                "\"additionalInterfaces\":[{\"transport\":\"GRPC\",\"url\":\"http://x:1\"},"
                        + "{\"transport\":\"JSONRPC\",\"url\":\"http://x:2\"}]"))));
    }

    @Test
    void aCardWithoutSkillsIsAProblem() throws Exception {
        assertProblem(card(json("db-checker", "http://x:1", "0.3.0", "JSONRPC", "[]", null)), "no skills");
    }

    @Test
    void skillsWithoutTagsAreAProblem() throws Exception {
        assertProblem(
                card(json(
                        "db-checker",
                        "http://x:1",
                        "0.3.0",
                        "JSONRPC",
                        "[{\"id\":\"a\",\"name\":\"a\",\"description\":\"d\",\"tags\":[]},"
                                + "{\"id\":\"b\",\"name\":\"b\",\"description\":\"d\",\"tags\":[\" \", \"\"]}]",
                        null)),
                "tags");
    }

    @Test
    void tagsCollectsEverySkillsTagsOnceInOrder() throws Exception {
        AgentCard c = card(json("db-checker", "http://x:1", "0.3.0", "JSONRPC", """
                [{"id":"a","name":"a","description":"d","tags":["canary-analysis","database"]},
                 {"id":"b","name":"b","description":"d","tags":["database","", "traces"]},
                 {"id":"c","name":"c","description":"d","tags":[]}]""", null));
        Set<String> tags = CardCheck.tags(c);
        assertEquals(List.of("canary-analysis", "database", "traces"), List.copyOf(tags));
        assertEmpty(CardCheck.problem(c));
    }
}
