package dev.canarycouncil.runtime.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.nio.file.Path;

/**
 * A recording's model replies, so that model-assisted analyses can be replayed offline and give
 * the same verdict every time: RECORD saves each agent's replies from a live model under
 * {@code <recording>/model-replies/<agent>.jsonl}; REPLAY answers from them, in order, without a
 * model. One analysis per council: the replies of an agent are its calls in sequence.
 *
 * @param mode      record or replay
 * @param recording the recording directory
 */
public record ModelTape(Mode mode, Path recording) {

    public enum Mode {
        RECORD,
        REPLAY
    }

    public static final String DIRECTORY = "model-replies";

    public static ModelTape recordInto(Path recording) {
        return new ModelTape(Mode.RECORD, recording);
    }

    public static ModelTape replayFrom(Path recording) {
        return new ModelTape(Mode.REPLAY, recording);
    }

    public Path file(String agent) {
        return recording.resolve(DIRECTORY).resolve(agent.replaceAll("[^A-Za-z0-9_.-]", "_") + ".jsonl");
    }

    /** @param live the real model; unused (may be null) when replaying */
    ChatModel wrap(String agent, ChatModel live) {
        return mode == Mode.RECORD
                ? new RecordingChatModel(live, file(agent))
                : new ReplayChatModel(agent, file(agent));
    }
}
