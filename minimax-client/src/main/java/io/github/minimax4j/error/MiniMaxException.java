package io.github.minimax4j.error;

/**
 * Root of every exception the MiniMax client throws. Unchecked, so callers catch only what they can handle.
 * No message ever contains the API key.
 */
public class MiniMaxException extends RuntimeException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     */
    public MiniMaxException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param cause the underlying failure
     */
    public MiniMaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
