package io.github.minimax4j.client;

import org.jspecify.annotations.Nullable;

/** The client: a holder for the APIs, which share one transport. */
final class DefaultMiniMaxClient implements MiniMaxClient {

    private final MessagesApi messages;

    private final ChatCompletionsApi chatCompletions;

    private final FilesApi files;

    private final @Nullable MiniMaxAsyncClient async;

    private final Runnable release;

    DefaultMiniMaxClient(MessagesApi messages, ChatCompletionsApi chatCompletions, FilesApi files,
            @Nullable MiniMaxAsyncClient async, Runnable release) {
        this.messages = messages;
        this.chatCompletions = chatCompletions;
        this.files = files;
        this.async = async;
        this.release = release;
    }

    @Override
    public void close() {
        this.release.run();
    }

    @Override
    public MessagesApi messages() {
        return this.messages;
    }

    @Override
    public ChatCompletionsApi chatCompletions() {
        return this.chatCompletions;
    }

    @Override
    public FilesApi files() {
        return this.files;
    }

    @Override
    public MiniMaxAsyncClient async() {
        if (this.async == null) {
            throw new IllegalStateException("The MiniMax client's non-blocking API needs the JDK HttpClient "
                    + "transport, and this client sends through another ClientHttpRequestFactory. Build it without "
                    + "requestFactory(...) or with httpClient(...); with Spring Boot, set "
                    + "spring.http.clients.imperative.factory=jdk.");
        }
        return this.async;
    }

    @Override
    public String toString() {
        return "MiniMaxClient";
    }

    /** The non-blocking APIs over the JDK client. */
    static final class Async implements MiniMaxAsyncClient {

        private final AsyncMessagesApi messages;

        private final AsyncChatCompletionsApi chatCompletions;

        Async(AsyncMessagesApi messages, AsyncChatCompletionsApi chatCompletions) {
            this.messages = messages;
            this.chatCompletions = chatCompletions;
        }

        @Override
        public AsyncMessagesApi messages() {
            return this.messages;
        }

        @Override
        public AsyncChatCompletionsApi chatCompletions() {
            return this.chatCompletions;
        }

        @Override
        public String toString() {
            return "MiniMaxAsyncClient";
        }
    }
}
