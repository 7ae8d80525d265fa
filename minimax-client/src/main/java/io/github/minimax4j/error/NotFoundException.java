package io.github.minimax4j.error;

/**
 * The endpoint or model was not found (HTTP 404): check minimax.base-url and the model name.
 */
public class NotFoundException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public NotFoundException(String message, ApiError error) {
        super(message, error);
    }
}
