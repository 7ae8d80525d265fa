package io.github.minimax4j.anthropic;

import java.util.List;
import java.util.Objects;

/**
 * One turn of the conversation.
 *
 * @param role who speaks
 * @param content the turn's blocks
 */
public record Message(Role role, List<ContentBlock> content) {

    public Message {
        Objects.requireNonNull(role, "role must not be null");
        content = List.copyOf(Objects.requireNonNull(content, "content must not be null"));
    }

    public static Message user(String text) {
        return new Message(Role.USER, List.of(new TextBlock(text)));
    }

    public static Message user(ContentBlock... blocks) {
        return new Message(Role.USER, List.of(blocks));
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, List.of(new TextBlock(text)));
    }

    public static Message assistant(ContentBlock... blocks) {
        return new Message(Role.ASSISTANT, List.of(blocks));
    }
}
