package io.github.minimax4j.error;

/**
 * MiniMax is overloaded (HTTP 529): retry later.
 */
public class OverloadedException extends MiniMaxApiException {

    public OverloadedException(String message, ApiError error) {
        super(message, error);
    }
}
