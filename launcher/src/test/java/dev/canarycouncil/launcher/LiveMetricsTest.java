package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.mcp.prometheus.PrometheusServer;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze} with the PromQL tools answered by a real Prometheus holding the recording's series. */
class LiveMetricsTest {

    @Test
    void aRecordingBackfilledIntoPrometheusGetsTheSameVerdictAndMetricEvidence() throws Exception {
        PrometheusServer.assumeAvailable();
        Path recording = Recordings.named("5xx-spike-payments-timeout");
        try (PrometheusServer prometheus = PrometheusServer.start(recording.resolve("metrics.om"))) {
            CliRun r = CliRun.of(
                    "analyze",
                    "--recording",
                    recording.toString(),
                    "--prometheus-url",
                    prometheus.url().toString(),
                    "--json",
                    "-q");
            assertEquals(ExitCodes.ROLLBACK, r.code(), r.err());
            JsonNode verdict = Json.mapper().readTree(r.out());
            JsonNode metrics = null;
            for (JsonNode f : verdict.path("findings")) {
                if (f.path("agent").asText().equals("metrics-agent")) {
                    metrics = f;
                }
            }
            assertTrue(metrics != null, r.out());
            assertEquals("ROLLBACK", metrics.path("verdict").asText(), metrics.toString());
            assertEquals(
                    "5xx-ratio", metrics.path("evidence").get(0).path("metric").asText());
            assertEquals(
                    0.25, metrics.path("evidence").get(0).path("canaryValue").asDouble(), 0.03);
        }
    }

    @Test
    void badMetricsOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        String recording = Recordings.named("healthy-color-change").toString();
        CliRun badUrl =
                CliRun.of("analyze", "--recording", recording, "--prometheus-url", "http://exa mple:9090", "-q");
        assertEquals(ExitCodes.USAGE, badUrl.code());
        assertTrue(badUrl.err().contains("--prometheus-url 'http://exa mple:9090' is not a URL"), badUrl.err());

        Path config = dir.resolve("metrics.yaml");
        Files.writeString(config, "metrics:\n  - name: a\n    query: 'x{{{selectr}}}'\n");
        CliRun badConfig = CliRun.of("analyze", "--recording", recording, "--metrics-config", config.toString(), "-q");
        assertEquals(ExitCodes.USAGE, badConfig.code());
        assertTrue(
                badConfig
                        .err()
                        .contains(
                                "invalid metric set: " + config + ": metrics[0] (a): unknown placeholder {{selectr}}"),
                badConfig.err());

        CliRun missing = CliRun.of("serve", "--agent", "metrics-agent", "--metrics-config", "/no/metrics.yaml");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("/no/metrics.yaml is not a readable file"), missing.err());
        for (CliRun r : List.of(badUrl, badConfig, missing)) {
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
