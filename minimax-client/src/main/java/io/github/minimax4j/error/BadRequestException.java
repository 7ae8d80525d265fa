package io.github.minimax4j.error;

/**
 * MiniMax rejected the request as invalid (HTTP 400/422 or base_resp 2013).
 */
public class BadRequestException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public BadRequestException(String message, ApiError error) {
        super(message, error);
    }
}
