package io.github.minimax4j.anthropic;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The model asks to call a tool.
 *
 * @param id id to quote in the {@link ToolResultBlock} that answers it
 * @param name tool name
 * @param input arguments, shaped by the tool's input schema
 */
@JsonPropertyOrder({ "type", "id", "name", "input" })
public record ToolUseBlock(String id, String name, Map<String, Object> input) implements ContentBlock {

    /**
     * Checks and copies the components.
     * @param id see the type description
     * @param name see the type description
     * @param input see the type description
     */
    public ToolUseBlock {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        input = (input != null) ? JsonMaps.copyOf(input) : Map.of();
    }

    /**
     * A tool call, as sent back in an assistant turn.
     * @param id the call's id
     * @param name the tool's name
     * @param input its arguments
     * @return the block
     */
    public static ToolUseBlock of(String id, String name, Map<String, Object> input) {
        return new ToolUseBlock(id, name, input);
    }

    @Override
    public String type() {
        return "tool_use";
    }
}
