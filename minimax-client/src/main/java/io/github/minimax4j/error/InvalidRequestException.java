package io.github.minimax4j.error;

/**
 * A request that MiniMax would reject, caught before it is sent: the message names the field and the rule.
 */
public class InvalidRequestException extends MiniMaxException {

    /**
     * Creates the exception.
     * @param message which field breaks which rule, and how to fix it
     */
    public InvalidRequestException(String message) {
        super(message);
    }
}
