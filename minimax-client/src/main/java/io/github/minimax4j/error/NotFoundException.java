package io.github.minimax4j.error;

/**
 * The endpoint or model was not found (HTTP 404): check minimax.base-url and the model name.
 */
public class NotFoundException extends MiniMaxApiException {

    public NotFoundException(String message, ApiError error) {
        super(message, error);
    }
}
