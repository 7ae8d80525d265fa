package io.github.minimax4j.model;

import java.util.Objects;

/**
 * The {@code thinking} request object, {@code {"type": "adaptive"}} or {@code {"type": "disabled"}}.
 *
 * @param type thinking type as sent on the wire
 */
public record Thinking(String type) {

    public static final Thinking ADAPTIVE = new Thinking("adaptive");

    public static final Thinking DISABLED = new Thinking("disabled");

    public Thinking {
        Objects.requireNonNull(type, "type must not be null");
    }

    public static Thinking of(ThinkingMode mode) {
        return (mode == ThinkingMode.ADAPTIVE) ? ADAPTIVE : DISABLED;
    }
}
