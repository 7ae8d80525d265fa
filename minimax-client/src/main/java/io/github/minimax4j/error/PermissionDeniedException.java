package io.github.minimax4j.error;

/**
 * The API key may not use this model or endpoint (HTTP 403).
 */
public class PermissionDeniedException extends MiniMaxApiException {

    public PermissionDeniedException(String message, ApiError error) {
        super(message, error);
    }
}
