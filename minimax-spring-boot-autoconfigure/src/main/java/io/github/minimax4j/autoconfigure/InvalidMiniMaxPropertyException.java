package io.github.minimax4j.autoconfigure;

/**
 * A {@code minimax.*} property has a value the client cannot work with. Reported at startup by
 * {@link MiniMaxFailureAnalyzer}, naming the property and the fix.
 */
public class InvalidMiniMaxPropertyException extends RuntimeException {

    private final String property;

    private final String fix;

    public InvalidMiniMaxPropertyException(String property, String problem, String fix) {
        super(property + ": " + problem);
        this.property = property;
        this.fix = fix;
    }

    /** Name of the offending property, such as {@code minimax.temperature}. */
    public String property() {
        return this.property;
    }

    /** What to change. */
    public String fix() {
        return this.fix;
    }
}
