package io.github.minimax4j.error;

/**
 * The account has no balance left (base_resp 1008): top it up.
 */
public class InsufficientBalanceException extends MiniMaxApiException {

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public InsufficientBalanceException(String message, ApiError error) {
        super(message, error);
    }
}
