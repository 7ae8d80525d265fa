package io.github.minimax4j.client;

/** The client: a holder for the APIs, which share one transport. */
final class DefaultMiniMaxClient implements MiniMaxClient {

    private final MessagesApi messages;

    private final ChatCompletionsApi chatCompletions;

    private final FilesApi files;

    DefaultMiniMaxClient(MessagesApi messages, ChatCompletionsApi chatCompletions, FilesApi files) {
        this.messages = messages;
        this.chatCompletions = chatCompletions;
        this.files = files;
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
    public String toString() {
        return "MiniMaxClient";
    }
}
