package io.github.minimax4j.client;

import java.util.concurrent.CompletableFuture;

import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionRequest;

/**
 * MiniMax's Chat Completions API without a thread per call, from {@code client.async().chatCompletions()}. A
 * request that breaks a documented rule fails the future (or the stream's subscriber) with
 * {@link io.github.minimax4j.error.InvalidRequestException} and nothing is sent; every other failure is the same
 * typed {@link io.github.minimax4j.error.MiniMaxException} the blocking {@link ChatCompletionsApi} throws.
 * Thread-safe.
 */
public interface AsyncChatCompletionsApi {

    /**
     * Generates a reply.
     * @param request what to send
     * @return the reply, once complete
     */
    default CompletableFuture<ChatCompletion> create(ChatCompletionRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /**
     * Generates a reply, with this call's own timeout, headers or extra body fields.
     * @param request what to send
     * @param options options for this call only
     * @return the reply, once complete
     */
    CompletableFuture<ChatCompletion> create(ChatCompletionRequest request, RequestOptions options);

    /**
     * Generates a reply and keeps the HTTP status, headers and MiniMax's request id beside it.
     * @param request what to send
     * @param options options for this call only ({@link RequestOptions#NONE} for none)
     * @return the reply with its response, once complete
     */
    CompletableFuture<RawResponse<ChatCompletion>> createWithRawResponse(ChatCompletionRequest request,
            RequestOptions options);

    /**
     * Streams a reply as a {@link java.util.concurrent.Flow.Publisher} of {@code chat.completion.chunk}s. Nothing is
     * sent until it is subscribed; the subscriber's demand paces the read from the connection, and cancelling
     * aborts the response. The final usage chunk is requested unless {@code stream_options} says otherwise.
     * @param request what to send (the client sets {@code stream})
     * @return a publisher for one subscriber
     */
    default ChatCompletionPublisher stream(ChatCompletionRequest request) {
        return stream(request, RequestOptions.NONE);
    }

    /**
     * Streams a reply, with this call's own timeout (between bytes), headers or extra body fields.
     * @param request what to send (the client sets {@code stream})
     * @param options options for this call only
     * @return a publisher for one subscriber
     */
    ChatCompletionPublisher stream(ChatCompletionRequest request, RequestOptions options);
}
