package io.github.minimax4j.health;

import io.github.minimax4j.ratelimit.ClientRateLimiter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the client-side rate limiter: where it counts ({@code backend}: local or redis) and whether its limits
 * hold as configured ({@code state}). UP while they do, and while Redis is down with fail-open (the limits are then
 * counted in this instance alone: {@code state=LOCAL_FALLBACK}); DOWN while Redis is down with fail-closed, as every
 * call is then refused. Asks nothing of Redis itself: the state is what the last calls found.
 */
public class MiniMaxRateLimiterHealthIndicator implements HealthIndicator {

    private final ClientRateLimiter limiter;

    /**
     * Creates the indicator.
     * @param limiter the client's limiter
     */
    public MiniMaxRateLimiterHealthIndicator(ClientRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Health health() {
        ClientRateLimiter.State state = this.limiter.state();
        Health.Builder health = (state == ClientRateLimiter.State.REFUSING) ? Health.down() : Health.up();
        health.withDetail("backend", this.limiter.backend()).withDetail("state", state.name());
        if (state != ClientRateLimiter.State.UP) {
            health.withDetail("reason", (state == ClientRateLimiter.State.REFUSING)
                    ? "Redis cannot be reached; calls are refused until it answers (fail-closed)"
                    : "Redis cannot be reached; limits are counted in this instance alone until it answers (fail-open)");
        }
        return health.build();
    }
}
