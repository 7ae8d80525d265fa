package io.github.minimax4j.anthropic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The top-level {@code system} prompt: a plain string, or a list of text blocks.
 *
 * @param text the prompt as one string, or {@code null} when given as blocks
 * @param blocks the prompt as text blocks, empty when given as a string
 */
public record SystemPrompt(@Nullable String text, List<TextBlock> blocks) {

    /**
     * Checks and copies the components.
     * @param text see the type description
     * @param blocks see the type description
     */
    public SystemPrompt {
        blocks = (blocks != null) ? List.copyOf(blocks) : List.of();
    }

    /**
     * A system prompt as one string.
     * @param text the prompt
     * @return the system prompt
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SystemPrompt of(String text) {
        return new SystemPrompt(text, List.of());
    }

    /**
     * A system prompt as text blocks (which may carry cache breakpoints).
     * @param blocks the blocks
     * @return the system prompt
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SystemPrompt of(List<TextBlock> blocks) {
        return new SystemPrompt(null, blocks);
    }

    @JsonValue
    Object wireValue() {
        return (this.text != null) ? this.text : this.blocks;
    }
}
