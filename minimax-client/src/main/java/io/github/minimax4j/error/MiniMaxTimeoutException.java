package io.github.minimax4j.error;

/**
 * MiniMax sent nothing for longer than the configured timeout (connect or read, the read timeout being
 * the longest silence allowed between bytes, not a bound on the whole response).
 */
public class MiniMaxTimeoutException extends MiniMaxIoException {

    /**
     * Creates the exception.
     * @param message what timed out, naming the timeout to raise
     * @param cause the timeout
     */
    public MiniMaxTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
