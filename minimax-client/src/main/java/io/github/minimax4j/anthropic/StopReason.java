package io.github.minimax4j.anthropic;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why generation stopped. Open: a value MiniMax adds later is kept as it came.
 *
 * @param value the wire value
 */
public record StopReason(@JsonValue String value) {

    /**
     * The model finished its turn.
     */
    public static final StopReason END_TURN = new StopReason("end_turn");

    /**
     * The {@code max_tokens} limit was reached.
     */
    public static final StopReason MAX_TOKENS = new StopReason("max_tokens");

    /**
     * The model asks to call a tool.
     */
    public static final StopReason TOOL_USE = new StopReason("tool_use");

    /**
     * A stop sequence was generated.
     */
    public static final StopReason STOP_SEQUENCE = new StopReason("stop_sequence");

    /**
     * Checks and copies the components.
     * @param value see the type description
     */
    public StopReason {
        Objects.requireNonNull(value, "value must not be null");
    }

    /**
     * The stop reason of a wire value; an unknown value is kept as it came.
     * @param value the wire value
     * @return the stop reason
     */
    @JsonCreator
    public static StopReason of(String value) {
        return switch (value) {
            case "end_turn" -> END_TURN;
            case "max_tokens" -> MAX_TOKENS;
            case "tool_use" -> TOOL_USE;
            case "stop_sequence" -> STOP_SEQUENCE;
            default -> new StopReason(value);
        };
    }

    /**
     * Whether this is one of the documented stop reasons.
     * @return true for the constants of this type
     */
    public boolean known() {
        return this == END_TURN || this == MAX_TOKENS || this == TOOL_USE || this == STOP_SEQUENCE;
    }

    @Override
    public String toString() {
        return this.value;
    }
}
