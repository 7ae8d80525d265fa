package io.github.minimax4j.error;

/**
 * MiniMax's content filter blocked the input or output (base_resp 1026/1027).
 */
public class SensitiveContentException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public SensitiveContentException(String message, ApiError error) {
        super(message, error);
    }
}
