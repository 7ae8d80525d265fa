package io.github.minimax4j.ratelimit;

/** What a limiter whose limits are shared on Redis does while Redis cannot be reached. */
public enum StoreDownPolicy {

    /** Keep calling MiniMax, held to the same limits counted in this JVM alone, until Redis answers again. */
    FAIL_OPEN,

    /** Refuse every call with a {@code ClientRateLimitException} until Redis answers again. */
    FAIL_CLOSED
}
