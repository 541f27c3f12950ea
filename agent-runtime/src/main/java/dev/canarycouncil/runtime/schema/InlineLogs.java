package dev.canarycouncil.runtime.schema;

/** Logs handed over in the request itself (the rollouts plugin sends them), used instead of fetching. */
public record InlineLogs(String stable, String canary) {

    public boolean present() {
        return (stable != null && !stable.isBlank()) || (canary != null && !canary.isBlank());
    }
}
