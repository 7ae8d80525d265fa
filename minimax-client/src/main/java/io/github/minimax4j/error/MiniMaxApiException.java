package io.github.minimax4j.error;

import java.util.Optional;

/**
 * MiniMax answered with an error: an HTTP error status, a {@code base_resp.status_code} other than 0
 * inside an HTTP 200, or an {@code error} event in a stream.
 */
public class MiniMaxApiException extends MiniMaxException {

    /**
     * HTTP status of the response.
     */
    private final int statusCode;

    /**
     * Error type the server named.
     */
    private final String errorType;

    /**
     * MiniMax's {@code base_resp.status_code}, or null.
     */
    private final Integer baseRespCode;

    /**
     * Response body as received, truncated.
     */
    private final String rawBody;

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     */
    public MiniMaxApiException(String message, ApiError error) {
        super(message);
        this.statusCode = error.statusCode();
        this.errorType = error.errorType();
        this.baseRespCode = error.baseRespCode();
        this.rawBody = error.rawBody();
    }

    /**
     * HTTP status of the response; 200 for a {@code base_resp} error or a stream {@code error} event.
     * @return the status
     */
    public int statusCode() {
        return this.statusCode;
    }

    /**
     * Error type the server named, such as {@code rate_limit_error}.
     * @return the type, empty when it named none
     */
    public String errorType() {
        return this.errorType;
    }

    /**
     * MiniMax's {@code base_resp.status_code}, when the error came that way.
     * @return the code, or empty
     */
    public Optional<Integer> baseRespCode() {
        return Optional.ofNullable(this.baseRespCode);
    }

    /**
     * Response body as received (truncated to a few KB), for diagnostics.
     * @return the body
     */
    public String rawBody() {
        return this.rawBody;
    }
}
