package io.github.minimax4j.model;

/** Whether the model may think before answering. */
public enum ThinkingMode {

    /** Let the model decide how much to think (for MiniMax-M3, thinking on). */
    ADAPTIVE("adaptive"),

    /** No thinking blocks (MiniMax-M3 only: M2.x models always think). */
    DISABLED("disabled");

    private final String wireValue;

    ThinkingMode(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Value of {@code thinking.type} on the wire.
     * @return the value
     */
    public String wireValue() {
        return this.wireValue;
    }
}
