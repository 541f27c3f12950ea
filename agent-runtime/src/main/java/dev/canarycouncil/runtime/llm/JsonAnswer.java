package dev.canarycouncil.runtime.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canarycouncil.runtime.json.Json;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.service.output.JsonSchemas;

/**
 * Asks a model (without tools) for an answer shaped like a record: the record's JSON schema
 * travels in the request (Gemini responseSchema, OpenAI json_schema), and the text is read back
 * strictly, so prose around the JSON or a missing field is an unusable answer, not a guess.
 */
public final class JsonAnswer {

    private JsonAnswer() {}

    public static <T> T ask(ChatModel model, String system, String user, Class<T> type) {
        ResponseFormat format = ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchemas.jsonSchemaFrom(type)
                        .orElseThrow(() -> new IllegalArgumentException("no JSON schema for " + type.getName())))
                .build();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .responseFormat(format)
                .build();
        String text = model.chat(request).aiMessage().text();
        return read(text, type);
    }

    static <T> T read(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new InvalidModelAnswerException("the model answered with no text");
        }
        String json = text.strip();
        // Some OpenAI-compatible servers wrap JSON mode answers in a Markdown fence.
        if (json.startsWith("```")) {
            json = json.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidModelAnswerException("not the JSON asked for (" + e.getOriginalMessage() + ")");
        }
    }
}
