package dev.canarycouncil.orchestrator.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.a2a.spec.Task;
import io.a2a.util.Utils;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The coordinator's A2A tasks in the history's database, one row per task, as the SDK last saved it. */
final class TaskRows {

    /** A task as written, and when: a running task nobody has written for long was left by a replica that stopped. */
    record Row(Task task, boolean isFinal, Instant updatedAt) {}

    private final AnalysisStore store;

    TaskRows(AnalysisStore store) {
        this.store = store;
    }

    /** @throws HistoryStoreException when the database does not take it */
    void write(Task task, Instant at) {
        String json = json(task);
        boolean done = isFinal(task);
        try (Connection c = store.connection()) {
            // Each task is written by the one replica running it, in order, so update-then-insert cannot race.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE a2a_task SET state = ?, final = ?, task_json = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, state(task));
                s.setBoolean(2, done);
                s.setString(3, json);
                s.setTimestamp(4, Timestamp.from(at));
                s.setString(5, task.getId());
                if (s.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO a2a_task (id, context_id, state, final, "
                    + "task_json, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, task.getId());
                s.setString(2, task.getContextId());
                s.setString(3, state(task));
                s.setBoolean(4, done);
                s.setString(5, json);
                s.setTimestamp(6, Timestamp.from(at));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw store.failed("keep A2A task " + task.getId(), e);
        }
    }

    Optional<Row> find(String id) {
        try (Connection c = store.connection();
                PreparedStatement s =
                        c.prepareStatement("SELECT final, task_json, updated_at FROM a2a_task WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Task task = Utils.OBJECT_MAPPER.readValue(rs.getString("task_json"), Task.class);
                return Optional.of(new Row(
                        task,
                        rs.getBoolean("final"),
                        rs.getTimestamp("updated_at").toInstant()));
            }
        } catch (SQLException e) {
            throw store.failed("read A2A task " + id, e);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException("A2A task " + id + " is stored in a form this version cannot read", e);
        }
    }

    /** The tasks of one A2A context, newest first: a conversation's analyses and questions. */
    List<Task> inContext(String contextId, int limit) {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT task_json FROM a2a_task WHERE context_id = ? ORDER BY updated_at DESC LIMIT ?")) {
            s.setString(1, contextId);
            s.setInt(2, limit);
            List<Task> tasks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tasks.add(Utils.OBJECT_MAPPER.readValue(rs.getString("task_json"), Task.class));
                }
            }
            return tasks;
        } catch (SQLException e) {
            throw store.failed("read the A2A tasks of context " + contextId, e);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException("an A2A task of context " + contextId + " cannot be read back", e);
        }
    }

    void delete(String id) {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM a2a_task WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw store.failed("delete A2A task " + id, e);
        }
    }

    int deleteWrittenBefore(Instant cutoff) {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM a2a_task WHERE updated_at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw store.failed("delete old A2A tasks", e);
        }
    }

    static boolean isFinal(Task task) {
        return task.getStatus() != null
                && task.getStatus().state() != null
                && task.getStatus().state().isFinal();
    }

    private static String state(Task task) {
        return task.getStatus() == null || task.getStatus().state() == null
                ? "unknown"
                : task.getStatus().state().asString();
    }

    private static String json(Task task) {
        try {
            return Utils.OBJECT_MAPPER.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write A2A task " + task.getId() + " as JSON", e);
        }
    }
}
