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

    public static final StopReason END_TURN = new StopReason("end_turn");

    public static final StopReason MAX_TOKENS = new StopReason("max_tokens");

    public static final StopReason TOOL_USE = new StopReason("tool_use");

    public static final StopReason STOP_SEQUENCE = new StopReason("stop_sequence");

    public StopReason {
        Objects.requireNonNull(value, "value must not be null");
    }

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

    /** Whether this is one of the values the reference lists. */
    public boolean known() {
        return this == END_TURN || this == MAX_TOKENS || this == TOOL_USE || this == STOP_SEQUENCE;
    }

    @Override
    public String toString() {
        return this.value;
    }
}
