package dev.canarycouncil.runtime.llm;

import java.util.List;

/**
 * One model reply as kept on a tape: its text or tool calls, and what the provider counted.
 *
 * @param text          the answer's text, or null when it only calls tools
 * @param toolCalls     tools the model asked for, in order
 * @param inputTokens   prompt tokens the provider reported
 * @param outputTokens  completion tokens the provider reported
 */
record RecordedReply(String text, List<ToolCall> toolCalls, long inputTokens, long outputTokens) {

    record ToolCall(String id, String name, String arguments) {}

    RecordedReply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
