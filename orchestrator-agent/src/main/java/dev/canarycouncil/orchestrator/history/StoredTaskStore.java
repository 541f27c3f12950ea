package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.server.A2aTaskStore;
import dev.canarycouncil.runtime.a2a.server.BoundedTaskStore;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatus;
import io.a2a.spec.TextPart;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's A2A tasks, in memory for the SDK to work on and in the history's database for
 * everyone else: {@code tasks/get} for a task another replica runs, or ran before a restart, reads
 * the row. Writes go through a background writer, coalesced per task, so a database that is slow or
 * down never slows an analysis; until it is back, this replica still answers for its own tasks.
 *
 * <p>A running task whose row nobody has written for longer than {@code staleAfter} was left by a
 * replica that stopped: it is answered as failed, saying so, rather than as running forever.
 */
public final class StoredTaskStore implements A2aTaskStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoredTaskStore.class);
    /** Tasks are the transport of an analysis; the analysis itself is kept for the retention period. */
    static final Duration KEPT = Duration.ofDays(1);

    private final BoundedTaskStore local;
    private final TaskRows rows;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration retryEvery;
    private final RetryTimer retries;
    private final Map<String, Task> unwritten = new LinkedHashMap<>();
    /** Tasks of other replicas read here, most recent last; bounded like the local tasks. */
    private final Map<String, Boolean> followed;

    private final ScheduledExecutorService writer;
    private volatile boolean failing;

    /**
     * @param capacity   tasks kept in memory, as {@link BoundedTaskStore}
     * @param staleAfter longer than any task may run without a new status (the analysis' longest time)
     */
    public StoredTaskStore(AnalysisStore store, int capacity, Duration staleAfter, Duration retryEvery, Clock clock) {
        this.local = new BoundedTaskStore(capacity);
        this.followed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
        this.rows = new TaskRows(store);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.retryEvery = retryEvery;
        this.writer = DaemonThreads.scheduler("a2a-task-writer");
        this.retries = new RetryTimer(writer, retryEvery, this::drain);
        writer.scheduleWithFixedDelay(this::forgetOld, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void save(Task task) {
        if (followed(task.getId())) {
            // Another replica's task relayed to a client here: that replica writes it, this one only reads.
            return;
        }
        local.save(task);
        synchronized (unwritten) {
            unwritten.remove(task.getId()); // re-added last: rows are written in the order tasks last changed
            unwritten.put(task.getId(), task);
        }
        writer.execute(this::drain);
    }

    @Override
    public Task get(String taskId) {
        Task here = local.get(taskId);
        if (here != null) {
            return here;
        }
        return stored(taskId).orElse(null);
    }

    @Override
    public void delete(String taskId) {
        local.delete(taskId);
        synchronized (unwritten) {
            unwritten.remove(taskId);
        }
        writer.execute(() -> {
            try {
                rows.delete(taskId);
            } catch (HistoryStoreException e) {
                LOG.warn("A2A task {} stays in the history until it expires: {}", taskId, e.getMessage());
            }
        });
    }

    @Override
    public boolean runsHere(String taskId) {
        return local.get(taskId) != null;
    }

    private boolean followed(String taskId) {
        synchronized (followed) {
            return followed.containsKey(taskId) && local.get(taskId) == null;
        }
    }

    /** A task is running here while this replica runs it; elsewhere, while its row says so and is fresh. */
    @Override
    public boolean isTaskActive(String taskId) {
        if (local.get(taskId) != null) {
            return local.isTaskActive(taskId);
        }
        return stored(taskId).map(t -> !TaskRows.isFinal(t)).orElse(false);
    }

    @Override
    public boolean isTaskFinalized(String taskId) {
        if (local.get(taskId) != null) {
            return local.isTaskFinalized(taskId);
        }
        return stored(taskId).map(TaskRows::isFinal).orElse(false);
    }

    /**
     * The analysis a conversation is about, from its tasks: the newest task of the context that
     * answered with a verdict. This is how a conversation continues on another replica or after a
     * restart, for a client that does not name the analysis.
     */
    public Optional<String> analysisOfContext(String contextId) {
        List<Task> tasks;
        try {
            tasks = rows.inContext(contextId, 50);
        } catch (HistoryStoreException e) {
            LOG.warn("cannot read the conversation {}: {}", contextId, e.getMessage());
            return Optional.empty();
        }
        for (Task task : tasks) {
            if (task.getArtifacts() == null) {
                continue;
            }
            for (var artifact : task.getArtifacts()) {
                Optional<dev.canarycouncil.runtime.schema.Verdict> verdict = A2aParts.read(
                        artifact.parts(), A2aParts.VERDICT, dev.canarycouncil.runtime.schema.Verdict.class);
                if (verdict.isPresent() && verdict.get().analysisId() != null) {
                    return Optional.of(verdict.get().analysisId());
                }
            }
        }
        return Optional.empty();
    }

    /** Waits until every task saved so far was written or failed once (for an orderly stop and for tests). */
    public void flush(Duration timeout) throws InterruptedException {
        try {
            writer.submit(this::drain).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("A2A task writes did not finish within {} ms", timeout.toMillis());
        }
    }

    private Optional<Task> stored(String taskId) {
        Optional<TaskRows.Row> row;
        try {
            row = rows.find(taskId);
        } catch (HistoryStoreException e) {
            LOG.warn("cannot read A2A task {}: {}", taskId, e.getMessage());
            return Optional.empty();
        }
        if (row.isPresent()) {
            synchronized (followed) {
                followed.put(taskId, Boolean.TRUE);
            }
        }
        return row.map(r -> !r.isFinal() && r.updatedAt().plus(staleAfter).isBefore(clock.instant())
                ? abandoned(r.task())
                : r.task());
    }

    /** The task as its caller should see it: failed, because the replica running it stopped. */
    private Task abandoned(Task task) {
        Message why = new Message.Builder()
                .role(Message.Role.AGENT)
                .messageId(UUID.randomUUID().toString())
                .taskId(task.getId())
                .contextId(task.getContextId())
                .parts(List.of(new TextPart("The orchestrator replica running this task stopped before it "
                        + "finished (no update for " + staleAfter.toMinutes() + " min); send the request again.")))
                .build();
        return new Task.Builder(task)
                .status(new TaskStatus(TaskState.FAILED, why, clock.instant().atOffset(ZoneOffset.UTC)))
                .build();
    }

    private void drain() {
        List<Task> batch;
        synchronized (unwritten) {
            batch = new ArrayList<>(unwritten.values());
        }
        for (Task task : batch) {
            try {
                rows.write(task, clock.instant());
            } catch (HistoryStoreException e) {
                if (!failing) {
                    LOG.warn(
                            "{}; this replica still answers for its own tasks, retrying every {} s",
                            e.getMessage(),
                            retryEvery.toSeconds());
                }
                failing = true;
                retries.request();
                return;
            }
            synchronized (unwritten) {
                // Only if not saved again meanwhile: a newer state waits for the next pass.
                unwritten.remove(task.getId(), task);
            }
        }
        if (failing) {
            LOG.info("A2A tasks are written to the history again");
            failing = false;
        }
    }

    private void forgetOld() {
        try {
            rows.deleteWrittenBefore(clock.instant().minus(KEPT));
        } catch (HistoryStoreException e) {
            LOG.warn("old A2A tasks stay for now: {}", e.getMessage());
        }
    }

    /** Writes what waits, then stops; call before the history's store closes. */
    @Override
    public void close() {
        try {
            flush(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.shutdownNow();
    }

    /** Whether a task's latest state waits to be written (for tests and the history's status). */
    int unwritten() {
        synchronized (unwritten) {
            return unwritten.size();
        }
    }
}
