package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.util.Optional;

/**
 * How the controller endpoints are served.
 *
 * @param plugin     whether the rollouts plugin's {@code /a2a/analyze} is served; it cannot send a
 *                   token, so teams without the plugin switch it off
 * @param limits     analyses at once per caller and per rollout
 * @param gateToken  a token that opens the controller endpoints only (for the controllers' Secrets
 *                   and Flagger's metadata), besides the council's own token
 */
public record GateSettings(PluginEndpoint plugin, AnalysisLimits limits, Optional<AgentSecret> gateToken) {

    /** Whether {@code POST /a2a/analyze} is served. */
    public enum PluginEndpoint {
        ON,
        OFF
    }

    public static GateSettings defaults() {
        return new GateSettings(PluginEndpoint.ON, AnalysisLimits.defaults(), Optional.empty());
    }

    public GateSettings withPlugin(PluginEndpoint endpoint) {
        return new GateSettings(endpoint, limits, gateToken);
    }

    public GateSettings withLimits(AnalysisLimits newLimits) {
        return new GateSettings(plugin, newLimits, gateToken);
    }

    public GateSettings withGateToken(AgentSecret token) {
        return new GateSettings(plugin, limits, Optional.of(token));
    }
}
