package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Capacity a {@link ClientRateLimiter} granted one call: one request and its estimated tokens. Settle it once the
 * call is over with the tokens MiniMax reported, so the estimate is corrected in the shared budget. Thread-safe.
 */
public final class Permit {

    private final LimitBucket tokens;

    private final long reservedTokens;

    private final Duration waited;

    private final AtomicBoolean settled = new AtomicBoolean();

    Permit(LimitBucket tokens, long reservedTokens, Duration waited) {
        this.tokens = tokens;
        this.reservedTokens = reservedTokens;
        this.waited = waited;
    }

    /**
     * Replaces the estimate with what the call used: the difference is taken from, or given back to, the token
     * budget. Only the first call counts; later ones do nothing.
     * @param actualTokens input plus output tokens MiniMax reported, 0 when it reported none
     */
    public void settle(long actualTokens) {
        if (this.settled.compareAndSet(false, true)) {
            this.tokens.adjust(Math.max(0, actualTokens) - this.reservedTokens);
        }
    }

    /**
     * Tokens reserved before sending (the estimate, capped at the budget).
     * @return the reserved tokens
     */
    public long reservedTokens() {
        return this.reservedTokens;
    }

    /**
     * How long the call waited for capacity.
     * @return the wait
     */
    public Duration waited() {
        return this.waited;
    }
}
