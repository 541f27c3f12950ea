package dev.canarycouncil.orchestrator.gate.flagger;

import java.util.Map;

/**
 * What Flagger posts to every webhook ({@code CanaryWebhookPayload} in its source).
 *
 * @param name      the Canary's name
 * @param namespace the Canary's namespace
 * @param phase     the Canary's phase, e.g. Progressing, WaitingPromotion, Succeeded, Failed
 * @param checksum  Flagger's hash of the canary's applied spec and tracked configs: one per revision
 * @param metadata  the webhook's own {@code metadata}; the council reads {@code hints} from it
 */
public record FlaggerPayload(String name, String namespace, String phase, String checksum, Map<String, String> metadata) {

    public FlaggerPayload {
        metadata = Map.copyOf(metadata);
    }

    /** Operator hints for the log analyst, blank for none; never read as instructions. */
    String hints() {
        return metadata.getOrDefault("hints", "").strip();
    }
}
