package io.github.minimax4j.anthropic;

import java.util.Iterator;
import java.util.function.Consumer;

import io.github.minimax4j.client.CallObservation;
import io.github.minimax4j.client.MiniMaxStream;
import io.github.minimax4j.client.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * A streamed reply: iterate the events as they arrive, or call {@link #finalMessage()} for the whole
 * reply. Close it (try-with-resources) to release the connection, also when stopping early.
 */
public final class MessageStream extends MiniMaxStream<MessageStreamEvent> {

    private final MessageAccumulator accumulator;

    public MessageStream(Iterator<MessageStreamEvent> events, AutoCloseable connection,
            CallObservation observation) {
        this(events, connection, observation, new MessageAccumulator());
    }

    private MessageStream(Iterator<MessageStreamEvent> events, AutoCloseable connection,
            CallObservation observation, MessageAccumulator accumulator) {
        super(peek(events, accumulator::accumulate), connection, observation);
        this.accumulator = accumulator;
    }

    @Override
    protected void onEvent(MessageStreamEvent event) {
        if (event instanceof MessageStreamEvent.MessageStop) {
            MessageResponse message = this.accumulator.message();
            completed(message.model(), (message.usage() != null) ? message.usage().toTokenUsage() : TokenUsage.NONE);
        }
    }

    @Override
    protected TokenUsage usageSoFar() {
        Usage usage = this.accumulator.usage();
        return (usage != null) ? usage.toTokenUsage() : TokenUsage.NONE;
    }

    @Override
    protected @Nullable String modelSoFar() {
        return this.accumulator.model();
    }

    /**
     * The complete reply: reads whatever the caller has not consumed yet, then returns the accumulated
     * message (text and thinking joined, signature kept, tool input assembled, usage merged).
     */
    public MessageResponse finalMessage() {
        drain();
        return this.accumulator.message();
    }

    /** Reads the stream to the end, passing text deltas to {@code onText}; returns the final message. */
    public MessageResponse onText(Consumer<String> onText) {
        forEach((event) -> {
            if (event instanceof MessageStreamEvent.ContentBlockDelta delta
                    && delta.delta() instanceof ContentDelta.TextDelta text) {
                onText.accept(text.text());
            }
        });
        return finalMessage();
    }
}
