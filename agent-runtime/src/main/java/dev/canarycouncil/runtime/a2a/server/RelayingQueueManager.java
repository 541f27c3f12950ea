package dev.canarycouncil.runtime.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.a2a.server.events.EventQueue;
import io.a2a.server.events.InMemoryQueueManager;
import io.a2a.spec.Task;
import io.a2a.util.Utils;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK's queues, plus one thing: a client resubscribing here to a task another replica runs
 * would get a queue nobody writes to. Such a queue is fed from the task store instead, the task as
 * the other replica last wrote it, until it ends.
 */
final class RelayingQueueManager extends InMemoryQueueManager {

    private final A2aTaskStore tasks;
    private final ScheduledExecutorService poller;
    private final Duration every;

    RelayingQueueManager(A2aTaskStore tasks, ScheduledExecutorService poller, Duration every) {
        super(tasks);
        this.tasks = tasks;
        this.poller = poller;
        this.every = every;
    }

    @Override
    public EventQueue createOrTap(String taskId) {
        boolean elsewhere = get(taskId) == null && !tasks.runsHere(taskId) && tasks.isTaskActive(taskId);
        EventQueue queue = super.createOrTap(taskId);
        if (elsewhere) {
            relay(taskId, queue);
        }
        return queue;
    }

    private void relay(String taskId, EventQueue queue) {
        AtomicReference<String> last = new AtomicReference<>("");
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        Runnable step = () -> {
            Task task = tasks.get(taskId);
            if (task == null || queue.isClosed()) {
                stop(self, queue);
                return;
            }
            String seen = json(task);
            if (!seen.equals(last.getAndSet(seen))) {
                queue.enqueueEvent(task);
            }
            if (task.getStatus() != null
                    && task.getStatus().state() != null
                    && task.getStatus().state().isFinal()) {
                stop(self, queue);
            }
        };
        self.set(poller.scheduleWithFixedDelay(step, 0, every.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> self, EventQueue queue) {
        ScheduledFuture<?> f = self.get();
        if (f != null) {
            f.cancel(false);
        }
        if (!queue.isClosed()) {
            queue.close();
        }
    }

    private static String json(Task task) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            return String.valueOf(System.nanoTime()); // unreadable: relay it anyway
        }
    }
}
