package dev.canarycouncil.runtime.a2a.server;

import io.a2a.spec.Task;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory task store that keeps at most {@code capacity} tasks. The SDK's own in-memory
 * store never forgets a task, which a long-running release gate cannot afford; finished tasks
 * are evicted oldest first, and running tasks are only evicted when nothing else is left.
 */
public final class BoundedTaskStore implements A2aTaskStore {

    private final int capacity;
    private final LinkedHashMap<String, Task> tasks = new LinkedHashMap<>();

    public BoundedTaskStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void save(Task task) {
        tasks.put(task.getId(), task);
        while (tasks.size() > capacity) {
            evictOne();
        }
    }

    private void evictOne() {
        for (Iterator<Map.Entry<String, Task>> it = tasks.entrySet().iterator(); it.hasNext(); ) {
            if (isFinal(it.next().getValue())) {
                it.remove();
                return;
            }
        }
        Iterator<String> oldest = tasks.keySet().iterator();
        oldest.next();
        oldest.remove();
    }

    @Override
    public synchronized Task get(String taskId) {
        return tasks.get(taskId);
    }

    @Override
    public synchronized void delete(String taskId) {
        tasks.remove(taskId);
    }

    @Override
    public synchronized boolean isTaskActive(String taskId) {
        Task task = tasks.get(taskId);
        return task != null && !isFinal(task);
    }

    @Override
    public synchronized boolean isTaskFinalized(String taskId) {
        Task task = tasks.get(taskId);
        return task != null && isFinal(task);
    }

    public synchronized int size() {
        return tasks.size();
    }

    private static boolean isFinal(Task task) {
        return task.getStatus() != null
                && task.getStatus().state() != null
                && task.getStatus().state().isFinal();
    }
}
