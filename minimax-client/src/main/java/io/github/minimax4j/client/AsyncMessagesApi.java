package io.github.minimax4j.client;

import java.util.concurrent.CompletableFuture;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.TokenCount;

/**
 * MiniMax's Messages API without a thread per call, from {@code client.async().messages()}. A request that breaks a
 * documented rule fails the future (or the stream's subscriber) with
 * {@link io.github.minimax4j.error.InvalidRequestException} and nothing is sent; every other failure is the same
 * typed {@link io.github.minimax4j.error.MiniMaxException} the blocking {@link MessagesApi} throws. Thread-safe.
 */
public interface AsyncMessagesApi {

    /**
     * Generates a reply.
     * @param request what to send
     * @return the reply, once complete
     */
    default CompletableFuture<MessageResponse> create(MessageRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /**
     * Generates a reply, with this call's own timeout, headers or extra body fields.
     * @param request what to send
     * @param options options for this call only
     * @return the reply, once complete
     */
    CompletableFuture<MessageResponse> create(MessageRequest request, RequestOptions options);

    /**
     * Generates a reply and keeps the HTTP status, headers and MiniMax's request id beside it.
     * @param request what to send
     * @param options options for this call only ({@link RequestOptions#NONE} for none)
     * @return the reply with its response, once complete
     */
    CompletableFuture<RawResponse<MessageResponse>> createWithRawResponse(MessageRequest request,
            RequestOptions options);

    /**
     * Streams a reply as a {@link java.util.concurrent.Flow.Publisher} of its events. Nothing is sent until it is
     * subscribed; the subscriber's demand paces the read from the connection, and cancelling aborts the response.
     * @param request what to send (the client sets {@code stream})
     * @return a publisher for one subscriber
     */
    default MessagePublisher stream(MessageRequest request) {
        return stream(request, RequestOptions.NONE);
    }

    /**
     * Streams a reply, with this call's own timeout (between bytes), headers or extra body fields.
     * @param request what to send (the client sets {@code stream})
     * @param options options for this call only
     * @return a publisher for one subscriber
     */
    MessagePublisher stream(MessageRequest request, RequestOptions options);

    /**
     * Counts the request's input tokens without generating anything ({@code count_tokens}).
     * @param request the request whose input to count
     * @return the input token count, once known
     */
    default CompletableFuture<TokenCount> countTokens(MessageRequest request) {
        return countTokens(request, RequestOptions.NONE);
    }

    /**
     * Counts the request's input tokens, with this call's own timeout, headers or extra body fields.
     * @param request the request whose input to count
     * @param options options for this call only
     * @return the input token count, once known
     */
    CompletableFuture<TokenCount> countTokens(MessageRequest request, RequestOptions options);
}
