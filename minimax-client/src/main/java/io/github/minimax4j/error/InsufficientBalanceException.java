package io.github.minimax4j.error;

/**
 * The account has no balance left (base_resp 1008): top it up.
 */
public class InsufficientBalanceException extends MiniMaxApiException {

    public InsufficientBalanceException(String message, ApiError error) {
        super(message, error);
    }
}
