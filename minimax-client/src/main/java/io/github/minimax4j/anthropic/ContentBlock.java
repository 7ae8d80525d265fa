package io.github.minimax4j.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One block of a message's content. Callers {@code switch} on the permitted types; a block type this
 * client does not know yet arrives as {@link UnknownBlock} with its JSON kept, so it never breaks parsing
 * and is sent back unchanged.
 */
public sealed interface ContentBlock
        permits TextBlock, ImageBlock, VideoBlock, ToolUseBlock, ToolResultBlock, ThinkingBlock, UnknownBlock {

    /**
     * Wire name of the block type, such as {@code text} or {@code tool_use}.
     * @return the type
     */
    @JsonProperty("type")
    String type();

    /**
     * A text block.
     * @param text the text
     * @return the block
     */
    static TextBlock text(String text) {
        return new TextBlock(text);
    }
}
