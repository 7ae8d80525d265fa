package io.github.minimax4j.error;

/**
 * MiniMax is overloaded (HTTP 529): retry later.
 */
public class OverloadedException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public OverloadedException(String message, ApiError error) {
        super(message, error);
    }
}
