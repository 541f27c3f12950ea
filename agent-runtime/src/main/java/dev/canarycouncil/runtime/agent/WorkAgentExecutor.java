package dev.canarycouncil.runtime.agent;

import io.a2a.server.agentexecution.AgentExecutor;
import io.a2a.server.agentexecution.RequestContext;
import io.a2a.server.events.EventQueue;
import io.a2a.server.tasks.TaskUpdater;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TextPart;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AgentWork} as an A2A task: the task first, then WORKING status updates for each
 * progress report, then the artifact and COMPLETED; REJECTED for invalid input, FAILED (with a
 * message, never a stack trace) for other errors. {@code tasks/cancel} interrupts the work.
 */
public final class WorkAgentExecutor implements AgentExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(WorkAgentExecutor.class);

    private final String agentName;
    private final AgentWork work;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();

    public WorkAgentExecutor(String agentName, AgentWork work) {
        this.agentName = agentName;
        this.work = work;
    }

    @Override
    public void execute(RequestContext context, EventQueue queue) throws JSONRPCError {
        String taskId = context.getTaskId();
        if (context.getTask() == null) {
            // A streaming client must see the Task before any status update about it.
            queue.enqueueEvent(new Task.Builder()
                    .id(taskId)
                    .contextId(context.getContextId())
                    .status(new TaskStatus(TaskState.SUBMITTED))
                    .history(List.of(context.getMessage()))
                    .build());
        }
        TaskUpdater updater = new TaskUpdater(context, queue);
        updater.startWork(agentMessage(updater, "started"));
        running.put(taskId, Thread.currentThread());
        try {
            AgentOutput output = work.perform(context.getMessage(), context.getContextId(), message -> {
                if (!cancelled.containsKey(taskId)) {
                    updater.updateStatus(TaskState.WORKING, agentMessage(updater, message), false);
                }
            });
            if (!cancelled.containsKey(taskId)) {
                updater.addArtifact(output.parts(), null, output.artifactName(), null);
                updater.complete();
            }
        } catch (InvalidInputException e) {
            if (!cancelled.containsKey(taskId)) {
                updater.reject(agentMessage(updater, e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!cancelled.containsKey(taskId)) {
                updater.fail(agentMessage(updater, agentName + " was interrupted"));
            }
        } catch (Exception e) {
            if (!cancelled.containsKey(taskId)) {
                LOG.warn("{} failed task {}", agentName, taskId, e);
                updater.fail(agentMessage(updater, agentName + " failed: " + describe(e)));
            }
        } finally {
            running.remove(taskId);
            cancelled.remove(taskId);
            // Leave no interrupt behind for the next task on this pooled thread.
            Thread.interrupted();
        }
    }

    @Override
    public void cancel(RequestContext context, EventQueue queue) throws JSONRPCError {
        String taskId = context.getTaskId();
        cancelled.put(taskId, Boolean.TRUE);
        Thread worker = running.get(taskId);
        if (worker != null) {
            worker.interrupt();
        }
        new TaskUpdater(context, queue).cancel();
    }

    private static Message agentMessage(TaskUpdater updater, String text) {
        List<Part<?>> parts = List.of(new TextPart(text));
        return updater.newAgentMessage(parts, null);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
