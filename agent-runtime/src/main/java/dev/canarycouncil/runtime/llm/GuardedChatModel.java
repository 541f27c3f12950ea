package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.TokenUsage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every model call of an agent goes through here, whoever builds the prompt (our code or
 * AiServices' tool loop): text is redacted before it leaves, tool results are capped and fenced
 * as untrusted data, the call must fit the token budget, and the provider's usage is charged.
 */
public final class GuardedChatModel implements ChatModel {

    /** Tool results longer than this are cut: the digest already carries the statistics. */
    public static final int MAX_TOOL_RESULT_CHARS = 8_000;

    private final ChatModel delegate;
    private final Redactor redactor;
    private final TokenBudget budget;
    private final UntrustedData fence;

    public GuardedChatModel(ChatModel delegate, Redactor redactor, TokenBudget budget, UntrustedData fence) {
        this.delegate = delegate;
        this.redactor = redactor;
        this.budget = budget;
        this.fence = fence;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        long estimate = 0;
        for (ChatMessage m : request.messages()) {
            ChatMessage guarded = guard(m);
            messages.add(guarded);
            estimate += TokenBudget.estimate(textOf(guarded));
        }
        if (request.toolSpecifications() != null) {
            estimate += TokenBudget.estimate(String.valueOf(request.toolSpecifications()));
        }
        budget.reserve(estimate);
        ChatRequest guardedRequest = request.toBuilder().messages(messages).build();
        ChatResponse response = delegate.chat(guardedRequest, options);
        var usage = response.tokenUsage();
        budget.charge(
                usage == null || usage.inputTokenCount() == null
                        ? new TokenUsage(
                                1,
                                estimate,
                                TokenBudget.estimate(response.aiMessage().text()))
                        : new TokenUsage(
                                1,
                                usage.inputTokenCount(),
                                usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()));
        return response;
    }

    private ChatMessage guard(ChatMessage m) {
        if (m instanceof ToolExecutionResultMessage t) {
            String text = redactor.redact(t.text());
            if (text != null && text.length() > MAX_TOOL_RESULT_CHARS) {
                // Keep both ends: a log's newest lines and a JSON answer's closing summary matter as much as its start.
                int head = MAX_TOOL_RESULT_CHARS * 2 / 3;
                int tail = MAX_TOOL_RESULT_CHARS - head;
                text = text.substring(0, head) + "\n[cut: " + (text.length() - MAX_TOOL_RESULT_CHARS) + " characters]\n"
                        + text.substring(text.length() - tail);
            }
            // A fresh builder: toBuilder() keeps the old contents, and text plus contents is refused.
            return ToolExecutionResultMessage.builder()
                    .id(t.id())
                    .toolName(t.toolName())
                    .isError(t.isError())
                    .text(fence.fence("tool:" + t.toolName(), text))
                    .build();
        }
        if (m instanceof SystemMessage s) {
            return SystemMessage.from(redactor.redact(s.text()));
        }
        if (m instanceof UserMessage u) {
            List<Content> contents = new ArrayList<>();
            for (Content c : u.contents()) {
                contents.add(c instanceof TextContent t ? TextContent.from(redactor.redact(t.text())) : c);
            }
            return u.toBuilder().contents(contents).build();
        }
        return m;
    }

    private static String textOf(ChatMessage m) {
        if (m instanceof ToolExecutionResultMessage t) {
            return t.text();
        }
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            StringBuilder b = new StringBuilder();
            u.contents().forEach(c -> b.append(c instanceof TextContent t ? t.text() : ""));
            return b.toString();
        }
        return String.valueOf(m);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }
}
