package io.github.minimax4j.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How failed calls are retried: on 408, 409, 429, 5xx, 529, retriable {@code base_resp} codes and
 * connection errors, never on other 4xx. The wait doubles from {@code initialBackoff} up to
 * {@code maxBackoff}, with jitter so that many clients do not retry in step; a wait the server asks for
 * (Retry-After) is honoured up to {@code maxBackoff}.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff wait before the first retry
 * @param maxBackoff longest wait between attempts
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /**
     * Checks the values.
     * @param maxRetries retries after the first attempt, 0 for none
     * @param initialBackoff wait before the first retry
     * @param maxBackoff longest wait between attempts
     * @throws IllegalArgumentException for a negative retry count or backoff
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
        Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
    }

    /**
     * Two retries, 500 ms doubling to at most 8 s (the official Anthropic SDK's defaults).
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /**
     * No retries.
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /** Wait before retry number {@code retry} (1-based): exponential, capped, with up to 25% jitter off. */
    Duration backoff(int retry) {
        long base = this.initialBackoff.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, this.maxBackoff.toMillis());
        double jitter = 1 - ThreadLocalRandom.current().nextDouble() * 0.25;
        return Duration.ofMillis((long) (capped * jitter));
    }

    /** A wait the server asked for, bounded by {@code maxBackoff} so one header cannot stall a caller. */
    Duration bounded(Duration serverAsked) {
        return (serverAsked.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : serverAsked;
    }
}
