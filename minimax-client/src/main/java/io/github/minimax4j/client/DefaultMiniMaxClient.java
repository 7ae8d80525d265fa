package io.github.minimax4j.client;

/** The client: a holder for the APIs, which share one transport. */
final class DefaultMiniMaxClient implements MiniMaxClient {

    private final MessagesApi messages;

    private final ChatCompletionsApi chatCompletions;

    DefaultMiniMaxClient(MessagesApi messages, ChatCompletionsApi chatCompletions) {
        this.messages = messages;
        this.chatCompletions = chatCompletions;
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
