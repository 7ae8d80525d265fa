package io.github.minimax4j.error;

import java.util.Optional;

/**
 * MiniMax answered with an error: an HTTP error status, a {@code base_resp.status_code} other than 0
 * inside an HTTP 200, or an {@code error} event in a stream.
 */
public class MiniMaxApiException extends MiniMaxException {

    private final int statusCode;

    private final String errorType;

    private final Integer baseRespCode;

    private final String rawBody;

    public MiniMaxApiException(String message, ApiError error) {
        super(message);
        this.statusCode = error.statusCode();
        this.errorType = error.errorType();
        this.baseRespCode = error.baseRespCode();
        this.rawBody = error.rawBody();
    }

    /** HTTP status of the response; 200 for a {@code base_resp} error or a stream {@code error} event. */
    public int statusCode() {
        return this.statusCode;
    }

    /** Error type the server named, such as {@code rate_limit_error}; empty string when it named none. */
    public String errorType() {
        return this.errorType;
    }

    /** MiniMax's {@code base_resp.status_code}, when the error came that way. */
    public Optional<Integer> baseRespCode() {
        return Optional.ofNullable(this.baseRespCode);
    }

    /** Response body as received (truncated to a few KB), for diagnostics. */
    public String rawBody() {
        return this.rawBody;
    }
}
