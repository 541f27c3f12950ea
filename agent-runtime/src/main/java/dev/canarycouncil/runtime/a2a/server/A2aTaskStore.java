package dev.canarycouncil.runtime.a2a.server;

import io.a2a.server.tasks.TaskStateProvider;
import io.a2a.server.tasks.TaskStore;

/**
 * Where an agent's A2A tasks are kept: the SDK needs both the tasks and their state (its queue
 * manager asks whether a task is still running). {@link BoundedTaskStore} keeps them in memory; an
 * agent that must answer {@code tasks/get} after a restart, or on another replica, keeps them in a database.
 */
public interface A2aTaskStore extends TaskStore, TaskStateProvider {

    /**
     * Whether this process runs the task (or ran it), as opposed to another replica whose task the
     * store only reads: a resubscription to another replica's running task is relayed from the store.
     */
    default boolean runsHere(String taskId) {
        return true;
    }
}
