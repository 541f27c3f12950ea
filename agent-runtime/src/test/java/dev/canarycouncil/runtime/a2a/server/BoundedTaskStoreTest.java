package dev.canarycouncil.runtime.a2a.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import org.junit.jupiter.api.Test;

class BoundedTaskStoreTest {

    private static Task task(String id, TaskState state) {
        return new Task.Builder()
                .id(id)
                .contextId("c")
                .status(new TaskStatus(state))
                .build();
    }

    @Test
    void evictsTheOldestFinishedTaskBeforeAnyRunningOne() {
        BoundedTaskStore store = new BoundedTaskStore(3);
        store.save(task("running-1", TaskState.WORKING));
        store.save(task("done-1", TaskState.COMPLETED));
        store.save(task("running-2", TaskState.WORKING));
        store.save(task("done-2", TaskState.COMPLETED));
        assertEquals(3, store.size());
        assertNull(store.get("done-1"));
        assertNotNull(store.get("running-1"));
        assertNotNull(store.get("running-2"));
        assertNotNull(store.get("done-2"));
    }

    @Test
    void evictsRunningTasksOnlyWhenNothingElseIsLeft() {
        BoundedTaskStore store = new BoundedTaskStore(2);
        store.save(task("a", TaskState.WORKING));
        store.save(task("b", TaskState.WORKING));
        store.save(task("c", TaskState.WORKING));
        assertNull(store.get("a"));
        assertEquals(2, store.size());
    }
}
