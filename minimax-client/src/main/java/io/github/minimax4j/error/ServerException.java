package io.github.minimax4j.error;

/**
 * MiniMax failed with a server error (HTTP 5xx or base_resp 1000/1013).
 */
public class ServerException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public ServerException(String message, ApiError error) {
        super(message, error);
    }
}
