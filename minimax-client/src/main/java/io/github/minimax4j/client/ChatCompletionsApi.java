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
    ChatCompletion create(ChatCompletionRequest request);

    /**
     * Streams a reply as {@code chat.completion.chunk}s; close the stream (try-with-resources) when done.
     * The final usage chunk is requested unless {@code stream_options} says otherwise.
     * @param request what to send (the client sets {@code stream})
     * @return the open stream; close it
     */
    ChatCompletionStream stream(ChatCompletionRequest request);
}
