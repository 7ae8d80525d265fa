package io.github.minimax4j.client;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.TokenCount;

/** MiniMax's Anthropic-compatible Messages API ({@code /anthropic/v1/messages}). Thread-safe. */
public interface MessagesApi {

    /**
     * Generates a reply.
     * @throws io.github.minimax4j.error.InvalidRequestException when the request breaks a documented rule
     * @throws io.github.minimax4j.error.MiniMaxException when the call fails (typed by cause)
     * @param request what to send
     * @return the reply
     */
    default MessageResponse create(MessageRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /**
     * Generates a reply, with this call's own timeout, headers or extra body fields.
     * @param request what to send
     * @param options options for this call only
     * @return the reply
     */
    MessageResponse create(MessageRequest request, RequestOptions options);

    /**
     * Generates a reply and keeps the HTTP status, headers and MiniMax's request id beside it.
     * @param request what to send
     * @param options options for this call only ({@link RequestOptions#NONE} for none)
     * @return the reply with its response
     */
    RawResponse<MessageResponse> createWithRawResponse(MessageRequest request, RequestOptions options);

    /**
     * Streams a reply as Server-Sent Events; close the stream (try-with-resources) when done.
     * @throws io.github.minimax4j.error.InvalidRequestException when the request breaks a documented rule
     * @throws io.github.minimax4j.error.MiniMaxException when the call fails before the first event
     * @param request what to send (the client sets {@code stream})
     * @return the open stream; close it
     */
    default MessageStream stream(MessageRequest request) {
        return stream(request, RequestOptions.NONE);
    }

    /**
     * Streams a reply, with this call's own timeout (between bytes), headers or extra body fields.
     * @param request what to send (the client sets {@code stream})
     * @param options options for this call only
     * @return the open stream; close it
     */
    MessageStream stream(MessageRequest request, RequestOptions options);

    /**
     * Counts the request's input tokens without generating anything ({@code count_tokens}).
     * @param request the request whose input to count
     * @return the input token count
     */
    default TokenCount countTokens(MessageRequest request) {
        return countTokens(request, RequestOptions.NONE);
    }

    /**
     * Counts the request's input tokens, with this call's own timeout, headers or extra body fields.
     * @param request the request whose input to count
     * @param options options for this call only
     * @return the input token count
     */
    TokenCount countTokens(MessageRequest request, RequestOptions options);
}
