package io.github.minimax4j.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;

/**
 * A streamed Chat Completions reply as a {@link java.util.concurrent.Flow.Publisher}, made by
 * {@link AsyncChatCompletionsApi#stream}: the request is sent when it is subscribed, and the subscriber's demand
 * paces the read from the connection. Cancelling the subscription aborts the response. For one subscriber.
 *
 * <p>By default the publisher keeps the reply's content for {@link #finalCompletion()}, so its memory grows with the
 * reply. Call {@link #discardText()} before subscribing when you only consume the chunks.
 */
public final class ChatCompletionPublisher extends MiniMaxPublisher<ChatCompletionChunk> {

    ChatCompletionPublisher(Opening<ChatCompletionChunk> opening, Executor completions) {
        super(opening, completions);
    }

    /**
     * Keeps no content (text, reasoning, tool calls): memory stays the same however long the reply.
     * {@link #finalCompletion()} then returns the id, model, finish reasons and usage, with empty messages.
     * @return this publisher
     * @throws IllegalStateException once it has been subscribed
     */
    public ChatCompletionPublisher discardText() {
        keepNoText();
        return this;
    }

    /**
     * The complete reply, once the stream has ended. Subscribe first when you also want the chunks; called alone,
     * it subscribes a reader that takes them all.
     * @return the final completion; fails with the stream's error, or a
     * {@link java.util.concurrent.CancellationException} when the subscriber cancelled
     */
    public CompletableFuture<ChatCompletion> finalCompletion() {
        return completed().thenApply((progress) -> ((ChatProgress) progress).completion());
    }
}
