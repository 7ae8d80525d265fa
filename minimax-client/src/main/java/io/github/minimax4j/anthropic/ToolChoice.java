package io.github.minimax4j.anthropic;

import java.util.Objects;

/**
 * How the model picks tools. MiniMax supports only {@link #AUTO} and {@link #NONE}.
 *
 * @param type choice type on the wire
 */
public record ToolChoice(String type) {

    /**
     * The model decides whether to call tools.
     */
    public static final ToolChoice AUTO = new ToolChoice("auto");

    /**
     * The model calls no tool.
     */
    public static final ToolChoice NONE = new ToolChoice("none");

    /**
     * Checks and copies the components.
     * @param type see the type description
     */
    public ToolChoice {
        Objects.requireNonNull(type, "type must not be null");
    }
}
