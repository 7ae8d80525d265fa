package io.github.minimax4j.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Too many requests or tokens per minute (HTTP 429, base_resp 1002/1039). The client has already
 * retried with backoff; {@link #retryAfter()} says how long the server asked to wait.
 */
public class RateLimitException extends MiniMaxApiException {

    /**
     * Wait the server asked for, or null.
     */
    private final @Nullable Duration retryAfter;

    /**
     * Creates the exception.
     * @param message what happened and what to do about it
     * @param error what the server answered
     * @param retryAfter wait the server asked for, or null
     */
    public RateLimitException(String message, ApiError error, @Nullable Duration retryAfter) {
        super(message, error);
        this.retryAfter = retryAfter;
    }

    /**
     * Wait the server asked for, from {@code retry-after-ms} or {@code Retry-After}.
     * @return the wait, or empty when it sent none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(this.retryAfter);
    }
}
