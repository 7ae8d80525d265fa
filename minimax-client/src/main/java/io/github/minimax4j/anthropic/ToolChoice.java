package io.github.minimax4j.anthropic;

import java.util.Objects;

/**
 * How the model picks tools. MiniMax supports only {@link #AUTO} and {@link #NONE}.
 *
 * @param type choice type on the wire
 */
public record ToolChoice(String type) {

    public static final ToolChoice AUTO = new ToolChoice("auto");

    public static final ToolChoice NONE = new ToolChoice("none");

    public ToolChoice {
        Objects.requireNonNull(type, "type must not be null");
    }
}
