package dev.canarycouncil.orchestrator.gate;

import java.util.regex.Pattern;

/** The shapes Kubernetes gives names, checked where a controller's request names an object. */
public final class KubernetesNames {

    /** A namespace: an RFC 1123 label. */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** An object's name (a Rollout, a Canary): an RFC 1123 subdomain. */
    public static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private KubernetesNames() {}
}
