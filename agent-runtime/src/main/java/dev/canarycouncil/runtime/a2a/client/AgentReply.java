package dev.canarycouncil.runtime.a2a.client;

import dev.canarycouncil.runtime.a2a.A2aParts;
import io.a2a.spec.Artifact;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * What a remote agent answered: the finished task, or a direct message when the agent answered
 * without creating a task (allowed by A2A, and what some simple agents do).
 */
public record AgentReply(Task task, Message message) {

    public static AgentReply of(Task task) {
        return new AgentReply(task, null);
    }

    public static AgentReply of(Message message) {
        return new AgentReply(null, message);
    }

    /** The final state, or COMPLETED for a direct message. */
    public TaskState state() {
        return task == null ? TaskState.COMPLETED : task.getStatus().state();
    }

    public boolean completed() {
        return state() == TaskState.COMPLETED;
    }

    /** Every part of every artifact, then the status or direct message parts. */
    public List<Part<?>> parts() {
        List<Part<?>> parts = new ArrayList<>();
        if (task != null) {
            if (task.getArtifacts() != null) {
                for (Artifact artifact : task.getArtifacts()) {
                    parts.addAll(artifact.parts());
                }
            }
            if (task.getStatus().message() != null) {
                parts.addAll(task.getStatus().message().getParts());
            }
        } else if (message != null) {
            parts.addAll(message.getParts());
        }
        return parts;
    }

    /** The text the agent gave with its final status (why it failed or was rejected). */
    public String statusText() {
        if (task != null && task.getStatus().message() != null) {
            return A2aParts.text(task.getStatus().message().getParts());
        }
        return message == null ? "" : A2aParts.text(message.getParts());
    }
}
