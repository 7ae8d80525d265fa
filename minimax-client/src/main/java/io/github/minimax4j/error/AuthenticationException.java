package io.github.minimax4j.error;

/**
 * The API key was rejected (HTTP 401 or base_resp 1004/2049). Check minimax.api-key.
 */
public class AuthenticationException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public AuthenticationException(String message, ApiError error) {
        super(message, error);
    }
}
