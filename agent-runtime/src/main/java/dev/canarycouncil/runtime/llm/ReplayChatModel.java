package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.json.Json;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Answers an agent's calls with its recorded replies, in order. The prompt is not compared: it
 * carries a fresh fence nonce each time, and what matters for a replay is that the same evidence
 * meets the same answers. Running out of replies is a failed call, never an invented answer.
 */
final class ReplayChatModel implements ChatModel {

    private final String agent;
    private final Path file;
    private List<RecordedReply> replies;
    private int next;

    ReplayChatModel(String agent, Path file) {
        this.agent = agent;
        this.file = file;
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        if (replies == null) {
            replies = load();
        }
        if (next >= replies.size()) {
            throw new IllegalStateException("no recorded model reply #" + (next + 1) + " for " + agent + " in " + file
                    + " (" + replies.size() + " recorded)");
        }
        RecordedReply r = replies.get(next++);
        AiMessage message;
        if (r.toolCalls().isEmpty()) {
            message = AiMessage.from(r.text() == null ? "" : r.text());
        } else {
            List<ToolExecutionRequest> calls = r.toolCalls().stream()
                    .map(t -> ToolExecutionRequest.builder()
                            .id(t.id())
                            .name(t.name())
                            .arguments(t.arguments())
                            .build())
                    .toList();
            message = r.text() == null ? AiMessage.from(calls) : AiMessage.from(r.text(), calls);
        }
        return ChatResponse.builder()
                .aiMessage(message)
                .tokenUsage(new TokenUsage((int) r.inputTokens(), (int) r.outputTokens()))
                .finishReason(r.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_EXECUTION)
                .build();
    }

    private List<RecordedReply> load() {
        try {
            List<RecordedReply> list = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    list.add(Json.mapper().readValue(line, RecordedReply.class));
                }
            }
            return list;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no recorded model replies for " + agent + " (" + file + " is missing)");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the recorded model replies in " + file + ": " + e.getMessage());
        }
    }

    /** The recorded answers are JSON text whichever way the live model was asked. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }
}
