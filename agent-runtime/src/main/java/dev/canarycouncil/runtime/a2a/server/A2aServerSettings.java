package dev.canarycouncil.runtime.a2a.server;

import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits of one hosted A2A agent.
 *
 * @param blockingTimeout  how long a blocking {@code message/send} waits for the agent to finish
 *                         before answering with the task still WORKING
 * @param maxConcurrentTasks  agent executions allowed at once; more are refused, not queued forever
 * @param taskStoreCapacity   tasks remembered for {@code tasks/get}
 * @param maxRequestBytes     largest JSON-RPC request accepted
 * @param auth                the credential callers must present (declared in the card), if any
 */
public record A2aServerSettings(
        Duration blockingTimeout,
        int maxConcurrentTasks,
        int taskStoreCapacity,
        long maxRequestBytes,
        Optional<ServerAuth> auth) {

    public A2aServerSettings {
        auth = auth == null ? Optional.empty() : auth;
    }

    public static A2aServerSettings defaults() {
        return new A2aServerSettings(Duration.ofMinutes(5), 64, 10_000, 64L * 1024 * 1024, Optional.empty());
    }

    public A2aServerSettings withBlockingTimeout(Duration timeout) {
        return new A2aServerSettings(timeout, maxConcurrentTasks, taskStoreCapacity, maxRequestBytes, auth);
    }

    public A2aServerSettings withAuth(ServerAuth required) {
        return new A2aServerSettings(
                blockingTimeout, maxConcurrentTasks, taskStoreCapacity, maxRequestBytes, Optional.of(required));
    }
}
