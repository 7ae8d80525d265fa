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

    /**
     * Checks and copies the components.
     * @param role see the type description
     * @param content see the type description
     */
    public Message {
        Objects.requireNonNull(role, "role must not be null");
        content = List.copyOf(Objects.requireNonNull(content, "content must not be null"));
    }

    /**
     * A user turn of plain text.
     * @param text the text
     * @return the message
     */
    public static Message user(String text) {
        return new Message(Role.USER, List.of(new TextBlock(text)));
    }

    /**
     * A user turn of content blocks.
     * @param blocks the blocks
     * @return the message
     */
    public static Message user(ContentBlock... blocks) {
        return new Message(Role.USER, List.of(blocks));
    }

    /**
     * An assistant turn of plain text.
     * @param text the text
     * @return the message
     */
    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, List.of(new TextBlock(text)));
    }

    /**
     * An assistant turn of content blocks, sent back as they came.
     * @param blocks the blocks
     * @return the message
     */
    public static Message assistant(ContentBlock... blocks) {
        return new Message(Role.ASSISTANT, List.of(blocks));
    }
}
