package io.github.minimax4j.sample.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.Role;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import org.jspecify.annotations.Nullable;

/**
 * One earlier turn of the conversation, as the page keeps it: the user's text, or the assistant's blocks
 * exactly as MiniMax sent them (thinking with its signature, then text), to be sent back unchanged.
 *
 * @param role {@code user} or {@code assistant}
 * @param content the turn's blocks
 */
public record Turn(@Nullable String role, @Nullable List<Block> content) {

    /**
     * A content block; a field it does not have is left out of the JSON, not sent as {@code null}.
     *
     * @param type {@code text} or {@code thinking}
     * @param text the text of a text block
     * @param thinking the reasoning of a thinking block
     * @param signature the signature MiniMax gave a thinking block
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(@Nullable String type, @Nullable String text, @Nullable String thinking,
            @Nullable String signature) {

        static @Nullable Block of(ContentBlock block) {
            if (block instanceof ThinkingBlock thinking) {
                return new Block("thinking", null, thinking.thinking(), thinking.signature());
            }
            if (block instanceof TextBlock text) {
                return new Block("text", text.text(), null, null);
            }
            return null;
        }

        ContentBlock toContentBlock() {
            if ("text".equals(this.type) && this.text != null) {
                return new TextBlock(this.text);
            }
            if ("thinking".equals(this.type) && this.thinking != null) {
                return new ThinkingBlock(this.thinking, this.signature);
            }
            throw new InvalidPromptException("history: a block must be {type: text, text} or {type: thinking, "
                    + "thinking, signature}, not " + this);
        }
    }

    /** The blocks of a reply the page keeps: thinking and text (tool calls are not part of the chat). */
    static List<Block> of(List<ContentBlock> content) {
        return content.stream().map(Block::of).filter(java.util.Objects::nonNull).toList();
    }

    Message toMessage() {
        if (this.content == null || this.content.isEmpty()) {
            throw new InvalidPromptException("history: a turn needs content");
        }
        ContentBlock[] blocks = this.content.stream().map(Block::toContentBlock).toArray(ContentBlock[]::new);
        if ("user".equals(this.role)) {
            return new Message(Role.USER, List.of(blocks));
        }
        if ("assistant".equals(this.role)) {
            return new Message(Role.ASSISTANT, List.of(blocks));
        }
        throw new InvalidPromptException("history: role must be user or assistant, not " + this.role);
    }
}
