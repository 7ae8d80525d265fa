package io.github.minimax4j.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.ContentDelta.InputJsonDelta;
import io.github.minimax4j.anthropic.ContentDelta.SignatureDelta;
import io.github.minimax4j.anthropic.ContentDelta.TextDelta;
import io.github.minimax4j.anthropic.ContentDelta.ThinkingDelta;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.MessageStreamEvent.ContentBlockDelta;
import io.github.minimax4j.anthropic.MessageStreamEvent.ContentBlockStart;
import io.github.minimax4j.anthropic.MessageStreamEvent.MessageDelta;
import io.github.minimax4j.anthropic.MessageStreamEvent.MessageStart;
import io.github.minimax4j.anthropic.MessageStreamEvent.MessageStop;
import io.github.minimax4j.anthropic.StopReason;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.error.MalformedResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Builds the final {@link MessageResponse} from stream events: text and thinking joined, the signature
 * kept, tool input JSON assembled from its fragments, usage merged field by field (latest value wins).
 * One per stream; not thread-safe.
 *
 * <p>The contract, the same as {@link ChatCompletionAccumulator}'s: {@link #message()}
 * throws {@link IllegalStateException} until the reply is complete ({@code message_stop}); {@link #model()} and
 * {@link #usage()} give what has arrived so far. A partial reply is never handed out as if it were whole (a cut
 * answer would pass for a finished one); a caller who wants the text so far has it from the events.
 *
 * <p>{@link #withoutContent()} keeps nothing per delta: the message then has its id, model, stop reason and
 * usage, and no content.
 */
public final class MessageAccumulator {

    private final boolean keepContent;

    private @Nullable MessageResponse start;

    private final Map<Integer, BlockBuilder> blocks = new TreeMap<>();

    private @Nullable Usage usage;

    private @Nullable StopReason stopReason;

    private @Nullable String stopSequence;

    private boolean stopped;

    private @Nullable MessageResponse message;

    /** An accumulator that keeps the whole reply. */
    public MessageAccumulator() {
        this(true);
    }

    private MessageAccumulator(boolean keepContent) {
        this.keepContent = keepContent;
    }

    /**
     * An accumulator that keeps no content (no text, thinking or tool input): memory does not grow with the
     * reply; {@link #message()} carries id, model, stop reason and usage, with an empty content list.
     * @return a new accumulator
     */
    public static MessageAccumulator withoutContent() {
        return new MessageAccumulator(false);
    }

    /**
     * Takes one event into the message.
     * @param event the next event of the stream
     * @return the event, so {@code .peek(accumulator::accumulate)} works
     * @throws MalformedResponseException for a delta whose content block never started
     */
    public MessageStreamEvent accumulate(MessageStreamEvent event) {
        if (event instanceof MessageStart messageStart) {
            this.start = messageStart.message();
            this.usage = messageStart.message().usage();
        }
        else if (!this.keepContent && (event instanceof ContentBlockStart || event instanceof ContentBlockDelta)) {
            return event;
        }
        else if (event instanceof ContentBlockStart blockStart) {
            this.blocks.put(blockStart.index(), new BlockBuilder(blockStart.contentBlock()));
        }
        else if (event instanceof ContentBlockDelta blockDelta) {
            block(blockDelta.index()).append(blockDelta.delta());
        }
        else if (event instanceof MessageDelta messageDelta) {
            this.usage = (this.usage != null) ? this.usage.merge(messageDelta.usage()) : messageDelta.usage();
            if (messageDelta.delta().stopReason() != null) {
                this.stopReason = messageDelta.delta().stopReason();
            }
            if (messageDelta.delta().stopSequence() != null) {
                this.stopSequence = messageDelta.delta().stopSequence();
            }
        }
        else if (event instanceof MessageStop) {
            this.stopped = true;
        }
        return event;
    }

    /**
     * Whether the reply is complete.
     * @return whether {@code message_stop} has arrived
     */
    public boolean isComplete() {
        return this.stopped;
    }

    /**
     * The model so far.
     * @return the model {@code message_start} named, or null before it
     */
    public @Nullable String model() {
        return (this.start != null) ? this.start.model() : null;
    }

    /**
     * The usage so far.
     * @return usage merged from every event so far, or null before any
     */
    public @Nullable Usage usage() {
        return this.usage;
    }

    /**
     * The message as accumulated.
     * @return the complete message (without content after {@link #withoutContent()})
     * @throws IllegalStateException before {@code message_stop}
     */
    public MessageResponse message() {
        if (!this.stopped || this.start == null) {
            throw new IllegalStateException("The stream has not delivered message_stop yet: read it to the end first");
        }
        if (this.message == null) {
            this.message = build(this.start);
        }
        return this.message;
    }

    private MessageResponse build(MessageResponse s) {
        List<ContentBlock> content = new ArrayList<>(this.blocks.size());
        this.blocks.values().forEach((builder) -> content.add(builder.build()));
        return s.toBuilder()
            .content(content)
            .stopReason((this.stopReason != null) ? this.stopReason : s.stopReason())
            .stopSequence((this.stopSequence != null) ? this.stopSequence : s.stopSequence())
            .usage(this.usage)
            .build();
    }

    private BlockBuilder block(int index) {
        BlockBuilder builder = this.blocks.get(index);
        if (builder == null) {
            throw new MalformedResponseException("Stream sent a delta for content block " + index
                    + " before its content_block_start");
        }
        return builder;
    }

    /** Collects one block's deltas in a StringBuilder, so long streams cost no repeated copying. */
    private static final class BlockBuilder {

        private final ContentBlock start;

        private final StringBuilder text = new StringBuilder();

        private @Nullable String signature;

        BlockBuilder(ContentBlock start) {
            this.start = start;
            if (start instanceof TextBlock textBlock) {
                this.text.append(textBlock.text());
            }
            else if (start instanceof ThinkingBlock thinkingBlock) {
                this.text.append(thinkingBlock.thinking());
                this.signature = thinkingBlock.signature();
            }
        }

        void append(ContentDelta delta) {
            if (delta instanceof TextDelta textDelta) {
                this.text.append(textDelta.text());
            }
            else if (delta instanceof ThinkingDelta thinkingDelta) {
                this.text.append(thinkingDelta.thinking());
            }
            else if (delta instanceof SignatureDelta signatureDelta) {
                this.signature = (this.signature != null) ? this.signature + signatureDelta.signature()
                        : signatureDelta.signature();
            }
            else if (delta instanceof InputJsonDelta inputJsonDelta) {
                this.text.append(inputJsonDelta.partialJson());
            }
        }

        ContentBlock build() {
            if (this.start instanceof TextBlock) {
                return new TextBlock(this.text.toString());
            }
            if (this.start instanceof ThinkingBlock) {
                return new ThinkingBlock(this.text.toString(), this.signature);
            }
            if (this.start instanceof ToolUseBlock toolUse) {
                return new ToolUseBlock(toolUse.id(), toolUse.name(), toolInput(toolUse));
            }
            return this.start;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> toolInput(ToolUseBlock toolUse) {
            if (this.text.isEmpty()) {
                return toolUse.input();
            }
            try {
                return Json.MAPPER.readValue(this.text.toString(), Map.class);
            }
            catch (JacksonException ex) {
                throw new MalformedResponseException("Tool '" + toolUse.name() + "' input assembled from the stream "
                        + "is not a JSON object: " + ex.getOriginalMessage(), ex);
            }
        }
    }
}
