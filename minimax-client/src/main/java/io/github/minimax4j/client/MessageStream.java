package io.github.minimax4j.client;

import java.util.Iterator;
import java.util.function.Consumer;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;

/**
 * A streamed Messages reply, made by {@link MessagesApi#stream}: iterate the events as they arrive, or call
 * {@link #finalMessage()} for the whole reply. Close it (try-with-resources) to release the connection, also when
 * stopping early. Iterate it once; not thread-safe.
 *
 * <p>By default the stream keeps the reply's content for {@link #finalMessage()}, so its memory grows with the
 * reply. Call {@link #discardText()} before reading when you only consume the events: it then keeps nothing per
 * delta, while usage, meters and the final message's metadata still come out right.
 */
public final class MessageStream extends MiniMaxStream<MessageStreamEvent> {

    private final MessageProgress progress;

    MessageStream(Iterator<MessageStreamEvent> events, AutoCloseable connection, MessageProgress progress) {
        super(events, connection, progress);
        this.progress = progress;
    }

    /**
     * Keeps no content (text, thinking, tool input) from here on: memory stays the same however long the reply.
     * {@link #finalMessage()} then returns the id, model, stop reason and usage, with an empty content list.
     * @return this stream
     * @throws IllegalStateException once reading has started
     */
    public MessageStream discardText() {
        if (iterationStarted()) {
            throw new IllegalStateException("discardText() must be called before the stream is read");
        }
        this.progress.discardText();
        return this;
    }

    /**
     * The complete reply. Blocks: reads whatever the caller has not consumed yet, then returns the accumulated
     * message (text and thinking joined, signature kept, tool input assembled, usage merged).
     * @return the final message; without content after {@link #discardText()}
     * @throws IllegalStateException when the stream ended (was closed) before {@code message_stop}
     */
    public MessageResponse finalMessage() {
        drain();
        return this.progress.message();
    }

    /**
     * Blocks until the reply is complete, handing each text delta to {@code onText} on the calling thread as it
     * arrives. Closes the stream at its end.
     * @param onText receives each piece of visible text, in order
     * @return the final message, as {@link #finalMessage()}
     */
    public MessageResponse readToEnd(Consumer<String> onText) {
        forEach((event) -> {
            if (event instanceof MessageStreamEvent.ContentBlockDelta delta
                    && delta.delta() instanceof ContentDelta.TextDelta text) {
                onText.accept(text.text());
            }
        });
        return finalMessage();
    }
}
