package io.github.minimax4j.model;

import java.util.Objects;

/**
 * The {@code thinking} request object, {@code {"type": "adaptive"}} or {@code {"type": "disabled"}}.
 *
 * @param type thinking type as sent on the wire
 */
public record Thinking(String type) {

    /**
     * Thinking on: the model decides how much.
     */
    public static final Thinking ADAPTIVE = new Thinking("adaptive");

    /**
     * Thinking off.
     */
    public static final Thinking DISABLED = new Thinking("disabled");

    /**
     * Checks and copies the components.
     * @param type see the type description
     */
    public Thinking {
        Objects.requireNonNull(type, "type must not be null");
    }

    /**
     * The control for a mode.
     * @param mode the mode
     * @return the control
     */
    public static Thinking of(ThinkingMode mode) {
        return (mode == ThinkingMode.ADAPTIVE) ? ADAPTIVE : DISABLED;
    }
}
