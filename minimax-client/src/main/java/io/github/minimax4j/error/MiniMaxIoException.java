package io.github.minimax4j.error;

/**
 * The connection to MiniMax failed: refused, reset, cut mid-stream. Usually transient; the client has
 * already retried where that was safe.
 */
public class MiniMaxIoException extends MiniMaxException {

    /**
     * Creates the exception.
     * @param message what failed, naming the URL
     * @param cause the I/O failure
     */
    public MiniMaxIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
