package dev.canarycouncil.orchestrator.gate.flagger;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.util.Map;
import java.util.Optional;

/**
 * What Flagger posts to every webhook ({@code CanaryWebhookPayload} in its source).
 *
 * @param name      the Canary's name
 * @param namespace the Canary's namespace
 * @param phase     the Canary's phase, e.g. Progressing, WaitingPromotion, Succeeded, Failed
 * @param checksum  Flagger's hash of the canary's applied spec and tracked configs: one per revision
 * @param metadata  the webhook's own {@code metadata}, without {@code token}; the council reads {@code hints} from it
 * @param token     the webhook's {@code metadata.token}, how Flagger (which sends no headers) authenticates
 */
public record FlaggerPayload(
        String name,
        String namespace,
        String phase,
        String checksum,
        Map<String, String> metadata,
        Optional<AgentSecret> token) {

    public FlaggerPayload {
        metadata = Map.copyOf(metadata);
    }

    /** Operator hints for the log analyst, blank for none; never read as instructions. */
    String hints() {
        return metadata.getOrDefault("hints", "").strip();
    }
}
