package io.github.minimax4j.anthropic;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One Server-Sent Event of a streamed reply, in the order MiniMax sends them: {@code message_start},
 * then per block {@code content_block_start}, {@code content_block_delta}s, {@code content_block_stop},
 * then {@code message_delta} and {@code message_stop}; {@code ping} may come any time. An {@code error}
 * event is not delivered: the stream throws it as a typed exception.
 */
public sealed interface MessageStreamEvent {

    /** Wire name of the event type. */
    String type();

    /** Opens the reply: id, model and the usage known so far (input tokens). */
    record MessageStart(MessageResponse message) implements MessageStreamEvent {
        @Override
        public String type() {
            return "message_start";
        }
    }

    /** Opens block {@code index}; text and thinking blocks start empty, tool_use input starts as {}. */
    record ContentBlockStart(int index, ContentBlock contentBlock) implements MessageStreamEvent {
        @Override
        public String type() {
            return "content_block_start";
        }
    }

    /** A piece of block {@code index}. */
    record ContentBlockDelta(int index, ContentDelta delta) implements MessageStreamEvent {
        @Override
        public String type() {
            return "content_block_delta";
        }
    }

    /** Closes block {@code index}. */
    record ContentBlockStop(int index) implements MessageStreamEvent {
        @Override
        public String type() {
            return "content_block_stop";
        }
    }

    /** Stop reason and the latest usage (cumulative values, not increments). */
    record MessageDelta(Delta delta, @Nullable Usage usage) implements MessageStreamEvent {
        @Override
        public String type() {
            return "message_delta";
        }

        /**
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

    /** An error reported mid-stream; the stream throws it as a typed exception. */
    record Error(ErrorDetail error) implements MessageStreamEvent {
        @Override
        public String type() {
            return "error";
        }

        /**
         * @param type error type, such as {@code overloaded_error}
         * @param message what happened
         */
        public record ErrorDetail(@Nullable String type, @Nullable String message) {
        }
    }

    /** An event type this client does not know, kept whole. */
    record Unknown(Map<String, Object> raw) implements MessageStreamEvent {
        public Unknown {
            raw = JsonMaps.copyOf(raw);
        }

        @Override
        public String type() {
            return String.valueOf(this.raw.get("type"));
        }
    }
}
