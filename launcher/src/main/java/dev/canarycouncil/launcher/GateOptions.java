package dev.canarycouncil.launcher;

import dev.canarycouncil.orchestrator.gate.AnalysisLimits;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * How the orchestrator serves the release controllers (docs/security.md): on which port, whether
 * the plugin endpoint is there, how many analyses a caller or a rollout may have running, and
 * the gate token, which opens the controller endpoints only.
 */
final class GateOptions {

    static final String GATE_TOKEN_ENV = "CANARY_COUNCIL_GATE_TOKEN";

    @Option(
            names = "--gate-port",
            paramLabel = "PORT",
            defaultValue = "${env:CANARY_COUNCIL_GATE_PORT}",
            description =
                    "Serve the controllers' endpoints (/api/v1/*, the plugin's /a2a/analyze) on this port only, so a "
                            + "NetworkPolicy can open it to the controllers' namespaces alone (env CANARY_COUNCIL_GATE_PORT). "
                            + "Default: the orchestrator's own port.")
    Integer gatePort;

    @Option(
            names = "--plugin-endpoint",
            paramLabel = "on|off",
            defaultValue = "${env:CANARY_COUNCIL_PLUGIN_ENDPOINT:-on}",
            description =
                    "Serve the rollouts plugin's POST /a2a/analyze, which cannot send a token (default: ${DEFAULT-VALUE}).")
    String pluginEndpoint;

    @Option(
            names = "--max-analyses-per-caller",
            paramLabel = "N",
            defaultValue = "" + AnalysisLimits.DEFAULT_PER_CALLER,
            description = "Analyses one caller (remote address) may have running through the controller endpoints; "
                    + "more are refused with 429 and Retry-After (default: ${DEFAULT-VALUE}).")
    int perCaller;

    @Option(
            names = "--max-analyses-per-rollout",
            paramLabel = "N",
            defaultValue = "" + AnalysisLimits.DEFAULT_PER_ROLLOUT,
            description = "Analyses of one rollout that may run at once (default: ${DEFAULT-VALUE}).")
    int perRollout;

    @Option(
            names = "--gate-token-file",
            paramLabel = "FILE",
            defaultValue = "${env:CANARY_COUNCIL_GATE_TOKEN_FILE}",
            description =
                    "A token that opens the controller endpoints only, for the controllers' Secrets and Flagger's "
                            + "metadata (env CANARY_COUNCIL_GATE_TOKEN_FILE, or the token itself in " + GATE_TOKEN_ENV
                            + ").")
    Path gateTokenFile;

    OptionalInt port() {
        if (gatePort == null) {
            return OptionalInt.empty();
        }
        if (gatePort < 0 || gatePort > 65535) {
            throw new UsageException("--gate-port must be 0..65535, was " + gatePort);
        }
        return OptionalInt.of(gatePort);
    }

    GateSettings settings() {
        GateSettings.PluginEndpoint plugin =
                switch (pluginEndpoint == null ? "on" : pluginEndpoint.strip().toLowerCase(Locale.ROOT)) {
                    case "on" -> GateSettings.PluginEndpoint.ON;
                    case "off" -> GateSettings.PluginEndpoint.OFF;
                    default ->
                        throw new UsageException("--plugin-endpoint must be on or off, was '" + pluginEndpoint + "'");
                };
        AnalysisLimits limits;
        try {
            limits = new AnalysisLimits(perCaller, perRollout, AnalysisLimits.DEFAULT_RETRY_AFTER);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        GateSettings settings = GateSettings.defaults().withPlugin(plugin).withLimits(limits);
        return SecretSource.read(gateTokenFile, "--gate-token-file", GATE_TOKEN_ENV)
                .map(settings::withGateToken)
                .orElse(settings);
    }
}
