package io.github.minimax4j.anthropic;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Event of a streamed reply, in the order MiniMax sends them: {@code message_start},
 * then per block {@code content_block_start}, {@code content_block_delta}s, {@code content_block_stop},
 * then {@code message_delta} and {@code message_stop}; {@code ping} may come any time. An {@code error}
 * event is never delivered: the stream throws it as a typed exception.
 */
public sealed interface MessageStreamEvent {

    /**
     * Wire name of the event type.
     * @return the type, such as {@code content_block_delta}
     */
    String type();

    /**
     * The text this event adds, for readers without pattern matching ({@code switch} on the type works too).
     * @return the text of a {@code text_delta}, or empty for any other event
     */
    default Optional<String> textDelta() {
        return (this instanceof ContentBlockDelta event && event.delta() instanceof ContentDelta.TextDelta delta)
                ? Optional.of(delta.text()) : Optional.empty();
    }

    /**
     * The thinking this event adds.
     * @return the text of a {@code thinking_delta}, or empty for any other event
     */
    default Optional<String> thinkingDelta() {
        return (this instanceof ContentBlockDelta event && event.delta() instanceof ContentDelta.ThinkingDelta delta)
                ? Optional.of(delta.thinking()) : Optional.empty();
    }

    /**
     * The piece of a tool call's JSON input this event adds.
     * @return the {@code partial_json} of an {@code input_json_delta}, or empty for any other event
     */
    default Optional<String> inputJsonDelta() {
        return (this instanceof ContentBlockDelta event && event.delta() instanceof ContentDelta.InputJsonDelta delta)
                ? Optional.of(delta.partialJson()) : Optional.empty();
    }

    /**
     * Opens the reply: id, model and the usage known so far (input tokens).
     * @param message the reply so far, with no content yet
     */
    record MessageStart(MessageResponse message) implements MessageStreamEvent {
        @Override
        public String type() {
            return "message_start";
        }
    }

    /**
     * Opens block {@code index}; text and thinking blocks start empty, tool_use input starts as {}.
     * @param index position of the block in the reply's content, from 0
     * @param contentBlock the block as it starts; its deltas follow
     */
    record ContentBlockStart(int index, ContentBlock contentBlock) implements MessageStreamEvent {
        @Override
        public String type() {
            return "content_block_start";
        }
    }

    /**
     * A piece of block {@code index}.
     * @param index position of the block in the reply's content, from 0
     * @param delta what to add to the block
     */
    record ContentBlockDelta(int index, ContentDelta delta) implements MessageStreamEvent {
        @Override
        public String type() {
            return "content_block_delta";
        }
    }

    /**
     * Closes block {@code index}.
     * @param index position of the block in the reply's content, from 0
     */
    record ContentBlockStop(int index) implements MessageStreamEvent {
        @Override
        public String type() {
            return "content_block_stop";
        }
    }

    /**
     * Stop reason and the latest usage (cumulative values, not increments).
     * @param delta the stop reason and stop sequence
     * @param usage token counts so far, cumulative; null if MiniMax sent none
     */
    record MessageDelta(Delta delta, @Nullable Usage usage) implements MessageStreamEvent {
        @Override
        public String type() {
            return "message_delta";
        }

        /**
         * How the reply ended.
         * @param stopReason why generation stopped
         * @param stopSequence stop sequence hit, if any
         */
        public record Delta(@Nullable StopReason stopReason, @Nullable String stopSequence) {
        }
    }

    /** The reply is complete. */
    record MessageStop() implements MessageStreamEvent {
        @Override
        public String type() {
            return "message_stop";
        }
    }

    /** Keep-alive. */
    record Ping() implements MessageStreamEvent {
        @Override
        public String type() {
            return "ping";
        }
    }

    /**
     * An event type this client does not know, kept whole.
     * @param raw the event's JSON object, as read (its {@code type} included)
     */
    record Unknown(Map<String, Object> raw) implements MessageStreamEvent {
        /**
         * Checks and copies the components.
         * @param raw see the type description
         */
        public Unknown {
            raw = JsonMaps.copyOf(raw);
        }

        @Override
        public String type() {
            return String.valueOf(this.raw.get("type"));
        }
    }
}
