package dev.canarycouncil.examples.migrationchecker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final String MCP = "http://127.0.0.1:8090/mcp";

    private static LaunchOptions parse(Map<String, String> env, String... args) {
        return LaunchOptions.parse(List.of(args), env);
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(Map.of(), args)).getMessage();
    }

    @Test
    void defaultsAreLoopbackOn8085() {
        LaunchOptions o = parse(Map.of(), "--mcp-url", MCP);
        assertEquals(new LaunchOptions("127.0.0.1", 8085, MCP, null, false), o);
    }

    @Test
    void everyOptionInBothSpellings() {
        LaunchOptions o = parse(
                Map.of(),
                "--port=0",
                "--host",
                "0.0.0.0",
                "--mcp-url=" + MCP,
                "--public-url",
                "http://migration-checker.canary-council.svc:8085");
        assertEquals(
                new LaunchOptions("0.0.0.0", 0, MCP, "http://migration-checker.canary-council.svc:8085", false), o);
    }

    @Test
    void theMcpUrlFallsBackToTheEnvironmentAndTheCommandLineWins() {
        assertEquals(MCP, parse(Map.of("CANARY_COUNCIL_MCP_URL", MCP)).mcpUrl());
        assertEquals(
                "http://other:9/mcp",
                parse(Map.of("CANARY_COUNCIL_MCP_URL", MCP), "--mcp-url", "http://other:9/mcp")
                        .mcpUrl());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals("--mcp-url is required (or set CANARY_COUNCIL_MCP_URL)", usageError());
        assertEquals(
                "--mcp-url is required (or set CANARY_COUNCIL_MCP_URL)",
                assertThrows(UsageException.class, () -> parse(Map.of("CANARY_COUNCIL_MCP_URL", " ")))
                        .getMessage());
        assertEquals("unknown option '--verbose'", usageError("--mcp-url", MCP, "--verbose"));
        assertEquals("unknown option 'serve'", usageError("serve"));
        assertEquals("--port needs a value", usageError("--mcp-url", MCP, "--port"));
        assertEquals("--host needs a value", usageError("--host", "--mcp-url", MCP));
        assertTrue(
                usageError("--mcp-url", MCP, "--port", "99999").startsWith("--port must be a number from 0 to 65535"));
        assertTrue(usageError("--mcp-url", MCP, "--port", "-1").contains("was '-1'"));
        assertTrue(usageError("--mcp-url", "127.0.0.1:8090").startsWith("--mcp-url must be an http(s) URL"));
        assertTrue(usageError("--mcp-url", MCP, "--public-url", "ftp://x")
                .startsWith("--public-url must be an http(s) URL"));
    }

    @Test
    void helpNeedsNothingElse() {
        assertTrue(parse(Map.of(), "--help").help());
    }
}
