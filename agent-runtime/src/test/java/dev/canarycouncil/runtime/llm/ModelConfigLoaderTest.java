package dev.canarycouncil.runtime.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigLoaderTest {

    private static final String GEMINI_KEY = "AIza-gemini-secret-key";
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static ModelConfig flags(Map<String, String> env, String spec, String baseUrl) {
        return new ModelConfigLoader(env).fromFlags(spec, baseUrl, null, T, 60_000, Duration.ofSeconds(45));
    }

    private ModelConfig file(Map<String, String> env, String yaml) throws IOException {
        Path f = dir.resolve("models.yaml");
        Files.writeString(f, yaml);
        return new ModelConfigLoader(env).fromFile(f);
    }

    private ModelConfigException fileFails(Map<String, String> env, String yaml) {
        return assertThrows(ModelConfigException.class, () -> file(env, yaml));
    }

    @Test
    void geminiFlagWithTheConventionalKey() {
        ModelConfig c = flags(Map.of("GEMINI_API_KEY", GEMINI_KEY), "gemini", null);
        ModelSettings s = c.forAgent("anyone").orElseThrow();
        assertEquals(ModelProvider.GEMINI, s.provider());
        assertEquals("gemini-2.5-flash", s.model());
        assertEquals(ModelProvider.GEMINI.defaultBaseUrl(), s.baseUrl());
        assertEquals(GEMINI_KEY, s.apiKey());
        assertTrue(c.anyModel());
    }

    @Test
    void theCouncilsOwnKeyVariableWinsOverTheConventionalOne() {
        ModelConfig c = flags(
                Map.of("GEMINI_API_KEY", "conventional", ModelConfigLoader.KEY_ENV, "own"),
                "gemini:gemini-2.5-pro",
                null);
        ModelSettings s = c.defaults();
        assertEquals("own", s.apiKey());
        assertEquals("gemini-2.5-pro", s.model());
    }

    @Test
    void hostedGeminiWithoutAKeyNamesTheVariables() {
        ModelConfigException e = assertThrows(ModelConfigException.class, () -> flags(Map.of(), "gemini", null));
        assertTrue(e.getMessage().contains(ModelConfigLoader.KEY_ENV), e.getMessage());
        assertTrue(e.getMessage().contains("GEMINI_API_KEY"), e.getMessage());
    }

    @Test
    void aLocalOpenAiCompatibleServerNeedsNoKey() {
        ModelSettings s =
                flags(Map.of(), "openai:qwen2.5", "http://localhost:8000/v1/").defaults();
        assertEquals(ModelProvider.OPENAI, s.provider());
        assertEquals("qwen2.5", s.model());
        assertEquals("http://localhost:8000/v1", s.baseUrl());
        assertEquals("", s.apiKey());
    }

    @Test
    void aKeyFileFlagIsRead() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "  sk-from-file \n");
        ModelConfig c = new ModelConfigLoader(Map.of()).fromFlags("openai", null, key, T, 1000, null);
        assertEquals("sk-from-file", c.defaults().apiKey());
        assertEquals(1000, c.tokenBudget());
    }

    @Test
    void aBaseUrlWithoutSchemeIsRefused() {
        ModelConfigException e =
                assertThrows(ModelConfigException.class, () -> flags(Map.of(), "openai:x", "localhost:8000/v1"));
        assertTrue(e.getMessage().contains("http://"), e.getMessage());
    }

    @Test
    void aBlankSpecMeansNoModel() {
        ModelConfig c = flags(Map.of("GEMINI_API_KEY", GEMINI_KEY), "  ", null);
        assertFalse(c.anyModel());
        assertEquals(Optional.empty(), c.forAgent("log-analyst"));
    }

    @Test
    void anUnknownProviderNamesTheKnownOnes() {
        ModelConfigException e = assertThrows(ModelConfigException.class, () -> flags(Map.of(), "nonsense:x", null));
        assertTrue(e.getMessage().contains("nonsense"), e.getMessage());
        assertTrue(e.getMessage().contains("gemini") && e.getMessage().contains("openai"), e.getMessage());
    }

    @Test
    void perAgentOverridesFromAFile() throws IOException {
        ModelConfig c = file(Map.of("GEMINI_API_KEY", GEMINI_KEY), """
                model: gemini:gemini-2.5-flash
                timeout: 12s
                tokenBudget: 5000
                reviewTimeout: 1m
                agents:
                  log-analyst: {model: "openai:llama3", baseUrl: "http://ollama:11434/v1"}
                  issue-writer: off
                """);
        ModelSettings top = c.forAgent("metrics-agent").orElseThrow();
        assertEquals(ModelProvider.GEMINI, top.provider());
        assertEquals(GEMINI_KEY, top.apiKey());
        assertEquals(Duration.ofSeconds(12), top.callTimeout());

        ModelSettings logs = c.forAgent("log-analyst").orElseThrow();
        assertEquals(ModelProvider.OPENAI, logs.provider());
        assertEquals("llama3", logs.model());
        assertEquals("http://ollama:11434/v1", logs.baseUrl());
        assertEquals("", logs.apiKey(), "a local server must not be sent Gemini's key");
        assertEquals(Duration.ofSeconds(12), logs.callTimeout(), "non-endpoint fields are inherited");

        assertEquals(Optional.empty(), c.forAgent("issue-writer"));
        assertEquals(5000, c.tokenBudget());
        assertEquals(Duration.ofMinutes(1), c.reviewTimeout());
        assertTrue(c.anyModel());
    }

    @Test
    void anExplicitTopLevelKeyEnvIsNotInheritedByAnotherProvider() throws IOException {
        ModelConfig c = file(Map.of("MY_GEMINI", GEMINI_KEY), """
                model: gemini
                apiKeyEnv: MY_GEMINI
                agents:
                  log-analyst: {model: "openai:llama3", baseUrl: "http://ollama:11434/v1"}
                  metrics-agent: {model: "gemini:gemini-2.5-pro"}
                """);
        assertEquals(GEMINI_KEY, c.defaults().apiKey());
        assertEquals("", c.forAgent("log-analyst").orElseThrow().apiKey());
        assertEquals(GEMINI_KEY, c.forAgent("metrics-agent").orElseThrow().apiKey(), "same provider inherits the key");
        assertEquals("gemini-2.5-pro", c.forAgent("metrics-agent").orElseThrow().model());
    }

    @Test
    void theSharedKeyVariableIsNotSentToAnAgentOnAnotherProvider() throws IOException {
        ModelConfig c = file(Map.of(ModelConfigLoader.KEY_ENV, GEMINI_KEY), """
                model: gemini
                agents:
                  log-analyst: {model: "openai:llama3", baseUrl: "http://ollama:11434/v1"}
                """);
        assertEquals(GEMINI_KEY, c.defaults().apiKey());
        assertEquals("", c.forAgent("log-analyst").orElseThrow().apiKey(), "Ollama must not receive the Gemini key");
    }

    @Test
    void aFileWithOnlyAgentsHasNoDefault() throws IOException {
        ModelConfig c = file(Map.of(), """
                agents:
                  log-analyst: {model: "openai:llama3", baseUrl: "http://ollama:11434/v1"}
                """);
        assertEquals(Optional.empty(), c.forAgent("metrics-agent"));
        assertTrue(c.forAgent("log-analyst").isPresent());
        assertTrue(c.anyModel());
    }

    @Test
    void anUnknownFieldIsNamed() {
        ModelConfigException top = fileFails(Map.of("GEMINI_API_KEY", GEMINI_KEY), "model: gemini\ntemprature: 0.2\n");
        assertTrue(top.getMessage().contains("temprature"), top.getMessage());
        ModelConfigException agent = fileFails(
                Map.of("GEMINI_API_KEY", GEMINI_KEY), "model: gemini\nagents:\n  log-analyst: {modle: gemini}\n");
        assertTrue(
                agent.getMessage().contains("modle") && agent.getMessage().contains("log-analyst"), agent.getMessage());
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = dir.resolve("no-such-key");
        ModelConfigException e = fileFails(Map.of(), "model: gemini\napiKeyFile: " + missing + "\n");
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void anEmptyKeyFileIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty-key"), "\n");
        ModelConfigException e = fileFails(Map.of(), "model: gemini\napiKeyFile: " + empty + "\n");
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void anUnsetKeyEnvIsNamed() {
        ModelConfigException e = fileFails(Map.of("GEMINI_API_KEY", GEMINI_KEY), "model: gemini\napiKeyEnv: MY_KEY\n");
        assertTrue(e.getMessage().contains("MY_KEY"), e.getMessage());
    }

    @Test
    void aNegativeTokenBudgetIsRefused() {
        ModelConfigException e = fileFails(Map.of("GEMINI_API_KEY", GEMINI_KEY), "model: gemini\ntokenBudget: -5\n");
        assertTrue(e.getMessage().contains("tokenBudget"), e.getMessage());
    }

    @Test
    void badValuesAreModelConfigExceptions() {
        Map<String, String> env = Map.of("GEMINI_API_KEY", GEMINI_KEY);
        assertTrue(fileFails(env, "model: gemini\ntimeout: soon\n").getMessage().contains("timeout"));
        assertTrue(
                fileFails(env, "model: gemini\nmaxAttempts: 50\n").getMessage().contains("maxAttempts"));
        assertTrue(fileFails(env, "model: gemini\nstructuredOutput: xml\n")
                .getMessage()
                .contains("structuredOutput"));
        assertTrue(
                fileFails(env, "model: gemini\nagents: [a, b]\n").getMessage().contains("agents"));
        assertTrue(fileFails(env, "- just\n- a list\n").getMessage().contains("object"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        ModelConfigException e =
                assertThrows(ModelConfigException.class, () -> new ModelConfigLoader(Map.of()).fromFile(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void settingsNeverPrintTheKey() {
        ModelSettings s =
                flags(Map.of("GEMINI_API_KEY", GEMINI_KEY), "gemini", null).defaults();
        assertFalse(s.toString().contains(GEMINI_KEY), s.toString());
        assertTrue(s.toString().contains("key set"), s.toString());
        assertFalse(ModelConfig.of(s).toString().contains(GEMINI_KEY), "nor does the config that holds them");
    }
}
