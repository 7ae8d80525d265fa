package io.github.minimax4j.anthropic;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The result of a tool call, sent in a user message.
 *
 * @param toolUseId id of the {@link ToolUseBlock} this answers
 * @param content result content (usually one text block)
 * @param isError whether the tool failed
 * @param cacheControl a prompt-cache breakpoint: the prompt up to and including this block is cached; null for none
 */
@JsonPropertyOrder({ "type", "tool_use_id", "content", "is_error", "cache_control" })
public record ToolResultBlock(String toolUseId, List<ContentBlock> content, @Nullable Boolean isError,
        @Nullable CacheControl cacheControl) implements ContentBlock {

    /**
     * Checks and copies the components.
     * @param toolUseId see the type description
     * @param content see the type description
     * @param isError see the type description
     * @param cacheControl see the type description
     */
    public ToolResultBlock {
        Objects.requireNonNull(toolUseId, "toolUseId must not be null");
        content = (content != null) ? List.copyOf(content) : List.of();
    }

    /**
     * A successful result carrying text.
     * @param toolUseId id of the tool_use block answered
     * @param text the tool's output
     * @return the block
     */
    public static ToolResultBlock of(String toolUseId, String text) {
        return new ToolResultBlock(toolUseId, List.of(new TextBlock(text)), null);
    }

    /**
     * A failed tool call, described for the model.
     * @param toolUseId id of the tool_use block answered
     * @param text what went wrong
     * @return the block
     */
    public static ToolResultBlock error(String toolUseId, String text) {
        return new ToolResultBlock(toolUseId, List.of(new TextBlock(text)), true);
    }

    /**
     * A tool result, without a cache breakpoint.
     * @param toolUseId toolUseId
     * @param content content
     * @param isError isError
     */
    public ToolResultBlock(String toolUseId, List<ContentBlock> content, @Nullable Boolean isError) {
        this(toolUseId, content, isError, null);
    }

    /**
     * This block with a cache breakpoint: the prompt up to and including it is cached.
     * @param cacheControl the breakpoint, or null for none
     * @return a copy carrying it
     */
    public ToolResultBlock withCacheControl(@Nullable CacheControl cacheControl) {
        return new ToolResultBlock(this.toolUseId, this.content, this.isError, cacheControl);
    }

    /**
     * This block with an {@code ephemeral} cache breakpoint.
     * @return a copy carrying {@link CacheControl#EPHEMERAL}
     */
    public ToolResultBlock cached() {
        return withCacheControl(CacheControl.EPHEMERAL);
    }

    @Override
    public String type() {
        return "tool_result";
    }
}
