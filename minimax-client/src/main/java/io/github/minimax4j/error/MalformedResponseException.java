package io.github.minimax4j.error;

/**
 * MiniMax (or a proxy in front of it) answered with a body the client cannot read: not JSON, truncated
 * JSON, or a stream that ended before its last event.
 */
public class MalformedResponseException extends MiniMaxException {

    /**
     * Creates the exception.
     * @param message what was wrong with the response
     */
    public MalformedResponseException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     * @param message what was wrong with the response
     * @param cause the parse failure
     */
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
