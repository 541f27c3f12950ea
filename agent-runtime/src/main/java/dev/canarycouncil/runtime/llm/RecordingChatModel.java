package dev.canarycouncil.runtime.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canarycouncil.runtime.json.Json;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/** Passes calls to the live model and appends each reply to the agent's tape file. */
final class RecordingChatModel implements ChatModel {

    private final ChatModel live;
    private final Path file;
    private boolean started;

    RecordingChatModel(ChatModel live, Path file) {
        this.live = live;
        this.file = file;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        ChatResponse response = live.chat(request, options);
        var ai = response.aiMessage();
        List<RecordedReply.ToolCall> calls = ai.hasToolExecutionRequests()
                ? ai.toolExecutionRequests().stream()
                        .map(t -> new RecordedReply.ToolCall(t.id(), t.name(), t.arguments()))
                        .toList()
                : List.of();
        var usage = response.tokenUsage();
        RecordedReply reply = new RecordedReply(
                ai.text(),
                calls,
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        append(reply);
        return response;
    }

    private synchronized void append(RecordedReply reply) {
        try {
            Files.createDirectories(file.getParent());
            // A new recording session replaces the tape of an earlier one.
            StandardOpenOption mode = started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            started = true;
            Files.writeString(
                    file,
                    Json.mapper().writeValueAsString(reply) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    mode);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model reply", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the model reply in " + file, e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return live.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return live.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return live.provider();
    }
}
