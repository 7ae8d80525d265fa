package io.github.minimax4j.springai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Turns a Messages API stream's events into the chunks {@code stream()} emits: a text delta is a chunk with
 * that text; a thinking delta is a chunk with no text whose metadata carries the piece under
 * {@link MiniMaxChatModel#REASONING_DELTA} (so {@code content()} never shows it); the last chunk carries the
 * whole reply but its text (see {@link ResponseMapper#finalChunk}). Other events make no chunk: Spring AI has
 * no place for a piece of a tool call's arguments, so tool calls arrive whole in the last chunk.
 */
final class StreamEventMapper {

    private StreamEventMapper() {
    }

    /** The chunk for an event, or null for an event that brings no text and no thinking. */
    static @Nullable ChatResponse chunk(MessageStreamEvent event) {
        if (!(event instanceof MessageStreamEvent.ContentBlockDelta delta)) {
            return null;
        }
        if (delta.delta() instanceof ContentDelta.TextDelta text && !text.text().isEmpty()) {
            return new ChatResponse(List.of(new Generation(new AssistantMessage(text.text()))));
        }
        if (delta.delta() instanceof ContentDelta.ThinkingDelta thinking && !thinking.thinking().isEmpty()) {
            return new ChatResponse(List.of(new Generation(AssistantMessage.builder()
                .content("")
                .properties(Map.of(MiniMaxChatModel.REASONING_DELTA, thinking.thinking()))
                .build())));
        }
        return null;
    }

    /**
     * The last chunk: the reply without its text (the deltas carried it), its reasoning piece empty so that
     * Spring AI's aggregation of the chunks' metadata leaves no stale piece on the assembled message.
     */
    static ChatResponse lastChunk(MessageResponse reply) {
        ChatResponse last = ResponseMapper.finalChunk(reply);
        AssistantMessage output = last.getResult().getOutput();
        Map<String, Object> properties = new HashMap<>(output.getMetadata());
        properties.put(MiniMaxChatModel.REASONING_DELTA, "");
        AssistantMessage message = AssistantMessage.builder()
            .content(output.getText())
            .properties(properties)
            .toolCalls(output.getToolCalls())
            .build();
        return new ChatResponse(List.of(new Generation(message, last.getResult().getMetadata())), last.getMetadata());
    }
}
