package io.github.minimax4j.client;

import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionRequest;

/** MiniMax's OpenAI-compatible Chat Completions API ({@code /v1/chat/completions}). Thread-safe. */
public interface ChatCompletionsApi {

    /**
     * Generates a reply.
     * @throws io.github.minimax4j.error.InvalidRequestException when the request breaks a documented rule
     * @throws io.github.minimax4j.error.SensitiveContentException when the content filter blanked the reply
     * @throws io.github.minimax4j.error.MiniMaxException when the call fails (typed by cause)
     * @param request what to send
     * @return the reply
     */
    default ChatCompletion create(ChatCompletionRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /**
     * Generates a reply, with this call's own timeout, headers or extra body fields.
     * @param request what to send
     * @param options options for this call only
     * @return the reply
     */
    ChatCompletion create(ChatCompletionRequest request, RequestOptions options);

    /**
     * Generates a reply and keeps the HTTP status, headers and MiniMax's request id beside it.
     * @param request what to send
     * @param options options for this call only ({@link RequestOptions#NONE} for none)
     * @return the reply with its response
     */
    RawResponse<ChatCompletion> createWithRawResponse(ChatCompletionRequest request, RequestOptions options);

    /**
     * Streams a reply as {@code chat.completion.chunk}s; close the stream (try-with-resources) when done.
     * The final usage chunk is requested unless {@code stream_options} says otherwise.
     * @param request what to send (the client sets {@code stream})
     * @return the open stream; close it
     */
    default ChatCompletionStream stream(ChatCompletionRequest request) {
        return stream(request, RequestOptions.NONE);
    }

    /**
     * Streams a reply, with this call's own timeout (between bytes), headers or extra body fields.
     * @param request what to send (the client sets {@code stream})
     * @param options options for this call only
     * @return the open stream; close it
     */
    ChatCompletionStream stream(ChatCompletionRequest request, RequestOptions options);
}
