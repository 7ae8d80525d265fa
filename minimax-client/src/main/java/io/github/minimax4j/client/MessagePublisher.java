package io.github.minimax4j.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;

/**
 * A streamed Messages reply as a {@link java.util.concurrent.Flow.Publisher}, made by
 * {@link AsyncMessagesApi#stream}: the request is sent when it is subscribed, and the subscriber's demand paces the
 * read from the connection. Cancelling the subscription aborts the response. For one subscriber.
 *
 * <p>By default the publisher keeps the reply's content for {@link #finalMessage()}, so its memory grows with the
 * reply. Call {@link #discardText()} before subscribing when you only consume the events.
 */
public final class MessagePublisher extends MiniMaxPublisher<MessageStreamEvent> {

    MessagePublisher(Opening<MessageStreamEvent> opening, Executor completions) {
        super(opening, completions);
    }

    /**
     * Keeps no content (text, thinking, tool input): memory stays the same however long the reply.
     * {@link #finalMessage()} then returns the id, model, stop reason and usage, with an empty content list.
     * @return this publisher
     * @throws IllegalStateException once it has been subscribed
     */
    public MessagePublisher discardText() {
        keepNoText();
        return this;
    }

    /**
     * The complete reply (text and thinking joined, signature kept, tool input assembled, usage merged), once the
     * stream has ended. Subscribe first when you also want the events; called alone, it subscribes a reader that
     * takes them all.
     * @return the final message; fails with the stream's error, or a
     * {@link java.util.concurrent.CancellationException} when the subscriber cancelled
     */
    public CompletableFuture<MessageResponse> finalMessage() {
        return completed().thenApply((progress) -> ((MessageProgress) progress).message());
    }
}
