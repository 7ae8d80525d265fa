package io.github.minimax4j.client;

/** The client: a holder for the APIs, which share one transport. */
final class DefaultMiniMaxClient implements MiniMaxClient {

    private final MessagesApi messages;

    DefaultMiniMaxClient(MessagesApi messages) {
        this.messages = messages;
    }

    @Override
    public MessagesApi messages() {
        return this.messages;
    }

    @Override
    public String toString() {
        return "MiniMaxClient";
    }
}
