package io.github.minimax4j.client;

/**
 * The MiniMax client: one per application, thread-safe, shared (it owns the connection pool). With the
 * starter it is a bean configured from {@code minimax.*}; without Spring Boot, build one with
 * {@link #builder()}.
 *
 * <pre>{@code
 * String reply = minimax.messages().create(MessageRequest.builder().addUserMessage("Hello").build()).text();
 * }</pre>
 */
public interface MiniMaxClient {

    /**
     * The Anthropic-compatible Messages API.
     * @return the Messages API
     */
    MessagesApi messages();

    /**
     * The OpenAI-compatible Chat Completions API.
     * @return the Chat Completions API
     */
    ChatCompletionsApi chatCompletions();

    /**
     * The same APIs without blocking: {@code CompletableFuture}s and {@code Flow.Publisher}s, no thread held per
     * call or open stream. Needs the JDK {@code HttpClient} transport (the default, or
     * {@link MiniMaxClientBuilder#httpClient}).
     * @return the non-blocking client, sharing this client's connection pool
     * @throws IllegalStateException when the client sends through another {@code ClientHttpRequestFactory}
     */
    MiniMaxAsyncClient async();

    /**
     * A builder for use without Spring Boot.
     * @return a new builder
     */
    static MiniMaxClientBuilder builder() {
        return new MiniMaxClientBuilder();
    }
}
