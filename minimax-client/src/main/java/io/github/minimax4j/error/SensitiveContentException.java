package io.github.minimax4j.error;

/**
 * MiniMax's content filter blocked the input or output (base_resp 1026/1027).
 */
public class SensitiveContentException extends MiniMaxApiException {

    public SensitiveContentException(String message, ApiError error) {
        super(message, error);
    }
}
