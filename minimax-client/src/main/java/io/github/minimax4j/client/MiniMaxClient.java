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
public interface MiniMaxClient extends AutoCloseable {

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
     * MiniMax's Files API: upload (streamed from disk), list, retrieve and delete files, such as videos to
     * reference as {@code mm_file://id}.
     * @return the Files API
     */
    FilesApi files();

    /**
     * The same APIs without blocking: {@code CompletableFuture}s and {@code Flow.Publisher}s, no thread held per
     * call or open stream. Needs the JDK {@code HttpClient} transport (the default, or
     * {@link MiniMaxClientBuilder#httpClient}).
     * @return the non-blocking client, sharing this client's connection pool
     * @throws IllegalStateException when the client sends through another {@code ClientHttpRequestFactory}
     */
    MiniMaxAsyncClient async();

    /**
     * Releases the HTTP client this client created for itself (the default JDK {@code HttpClient}): on JDK 21 and
     * later it is closed, waiting for calls in flight to end (each bounded by the read timeout), so its selector
     * thread ends at once; on JDK 17 the JDK client has no close and its thread ends once the client is no longer
     * referenced. An HTTP client or request factory the application gave is the application's to close. Calls
     * after this fail.
     */
    @Override
    default void close() {
    }

    /**
     * A builder for use without Spring Boot.
     * @return a new builder
     */
    static MiniMaxClientBuilder builder() {
        return new MiniMaxClientBuilder();
    }
}
