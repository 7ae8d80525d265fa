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
    MessageResponse create(MessageRequest request);

    /**
     * Streams a reply as Server-Sent Events; close the stream (try-with-resources) when done.
     * @throws io.github.minimax4j.error.InvalidRequestException when the request breaks a documented rule
     * @throws io.github.minimax4j.error.MiniMaxException when the call fails before the first event
     * @param request what to send (the client sets {@code stream})
     * @return the open stream; close it
     */
    MessageStream stream(MessageRequest request);

    /**
     * Counts the request's input tokens without generating anything ({@code count_tokens}).
     * @param request the request whose input to count
     * @return the input token count
     */
    TokenCount countTokens(MessageRequest request);
}
