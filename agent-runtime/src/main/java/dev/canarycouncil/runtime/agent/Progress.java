package dev.canarycouncil.runtime.agent;

/** Where an agent reports what it is doing while it works; streamed to A2A clients as status updates. */
@FunctionalInterface
public interface Progress {

    void report(String message);

    Progress NONE = message -> {};
}
