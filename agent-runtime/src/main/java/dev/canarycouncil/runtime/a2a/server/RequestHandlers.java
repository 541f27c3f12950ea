package dev.canarycouncil.runtime.a2a.server;

import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import io.a2a.server.agentexecution.AgentExecutor;
import io.a2a.server.requesthandlers.DefaultRequestHandler;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the SDK's {@link DefaultRequestHandler} without CDI.
 *
 * <p>The SDK sets its blocking-call timeouts from CDI-injected configuration; built by hand they
 * stay at 5 s, and a slower agent then answers a blocking {@code message/send} with a WORKING task
 * and no artifact. The fields are package-private with no setter, so they are set here, once,
 * by reflection.
 */
final class RequestHandlers {

    private static final Duration CONSUMPTION_TIMEOUT = Duration.ofSeconds(10);
    /** Polls the store for other replicas' tasks that a client resubscribed to here; cheap, so shared. */
    private static final ScheduledExecutorService RELAY = DaemonThreads.scheduler("a2a-task-relay");

    private RequestHandlers() {}

    static DefaultRequestHandler create(
            AgentExecutor agentExecutor, A2aTaskStore taskStore, Executor threads, Duration blockingTimeout) {
        // Push notifications are not offered (our cards say so), hence no config store or sender.
        DefaultRequestHandler handler = DefaultRequestHandler.create(
                agentExecutor,
                taskStore,
                new RelayingQueueManager(taskStore, RELAY, Duration.ofMillis(500)),
                null,
                null,
                threads);
        setSeconds(handler, "agentCompletionTimeoutSeconds", blockingTimeout);
        setSeconds(handler, "consumptionCompletionTimeoutSeconds", CONSUMPTION_TIMEOUT);
        return handler;
    }

    private static void setSeconds(DefaultRequestHandler handler, String field, Duration value) {
        try {
            Field f = DefaultRequestHandler.class.getDeclaredField(field);
            f.setAccessible(true);
            f.setInt(handler, (int) Math.max(1, value.toSeconds()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "The A2A SDK no longer has the field " + field
                            + "; check the blocking timeout handling after an SDK upgrade",
                    e);
        }
    }
}
