package io.github.minimax4j.error;

/**
 * The API key may not use this model or endpoint (HTTP 403).
 */
public class PermissionDeniedException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public PermissionDeniedException(String message, ApiError error) {
        super(message, error);
    }
}
