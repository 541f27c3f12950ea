package dev.canarycouncil.orchestrator.verification;

import dev.canarycouncil.runtime.schema.FailureSignature;
import java.util.Objects;
import java.util.Optional;

/**
 * An open remediation issue of the rollout and the failure it describes, as the history or the
 * issue's own body knows it.
 *
 * @param issueUrl    the issue's page
 * @param fingerprint the failure's fingerprint
 * @param signature   the failure's log signature; empty when it showed in metrics or pod states only
 */
public record EarlierFailure(String issueUrl, String fingerprint, Optional<FailureSignature> signature) {

    public EarlierFailure {
        Objects.requireNonNull(issueUrl, "issueUrl");
        fingerprint = fingerprint == null ? "" : fingerprint;
        Objects.requireNonNull(signature, "signature");
    }
}
