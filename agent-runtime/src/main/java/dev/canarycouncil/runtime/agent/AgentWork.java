package dev.canarycouncil.runtime.agent;

import io.a2a.spec.Message;

/**
 * What an agent does with one incoming A2A message. Implementations stay free of protocol
 * plumbing: the {@link WorkAgentExecutor} turns them into tasks, status updates and artifacts.
 */
@FunctionalInterface
public interface AgentWork {

    /**
     * @param message  the user's message
     * @param progress where to report progress while working
     * @throws InvalidInputException when the message is not something this agent can work on
     * @throws Exception             for any other failure; the task ends FAILED
     */
    AgentOutput perform(Message message, Progress progress) throws Exception;

    /**
     * The same, knowing the A2A context the task belongs to (the client's, or one the server
     * made up): agents that hold a conversation key it by this.
     */
    default AgentOutput perform(Message message, String contextId, Progress progress) throws Exception {
        return perform(message, progress);
    }
}
