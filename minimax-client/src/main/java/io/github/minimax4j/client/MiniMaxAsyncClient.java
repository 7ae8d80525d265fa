package io.github.minimax4j.client;

/**
 * The client's non-blocking side, from {@link MiniMaxClient#async()}: the same calls, validation, retries, errors
 * and observations as the blocking API, answered with {@link java.util.concurrent.CompletableFuture}s and
 * {@link java.util.concurrent.Flow.Publisher}s. No thread waits for a reply: the JDK {@code HttpClient} reads the
 * response and hands it on as it arrives. Thread-safe; it shares the client's connection pool.
 */
public interface MiniMaxAsyncClient {

    /**
     * The Anthropic-compatible Messages API, non-blocking.
     * @return the async Messages API
     */
    AsyncMessagesApi messages();

    /**
     * The OpenAI-compatible Chat Completions API, non-blocking.
     * @return the async Chat Completions API
     */
    AsyncChatCompletionsApi chatCompletions();
}
