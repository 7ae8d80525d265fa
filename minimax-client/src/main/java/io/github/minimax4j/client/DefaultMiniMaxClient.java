package io.github.minimax4j.client;

/** The client: a holder for the APIs, which share one transport. */
final class DefaultMiniMaxClient implements MiniMaxClient {

    private final MessagesApi messages;

    private final ChatCompletionsApi chatCompletions;

    private final Runnable release;

    DefaultMiniMaxClient(MessagesApi messages, ChatCompletionsApi chatCompletions, Runnable release) {
        this.messages = messages;
        this.chatCompletions = chatCompletions;
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
    public String toString() {
        return "MiniMaxClient";
    }
}
