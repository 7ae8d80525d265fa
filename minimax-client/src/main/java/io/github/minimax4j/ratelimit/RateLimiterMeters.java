package io.github.minimax4j.ratelimit;

import java.time.Duration;
import java.util.List;

import io.github.minimax4j.error.ClientRateLimitException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A limiter's meters: capacity left in each budget (gauge), time calls spent waiting for capacity (timer), and
 * calls the client's own limit refused (counter). Give it to {@link ClientRateLimiter.Builder#listener} and call
 * {@link #bind} with the built limiter. Tags: {@code scope} ({@code account} or a model with its own limits) and
 * {@code limit} ({@code requests}, {@code tokens}, or {@code store} for refusals while Redis is down).
 */
public final class RateLimiterMeters implements ClientRateLimiter.Listener {

    /** Gauge of requests or tokens left now. */
    public static final String REMAINING = "minimax.client.rate_limit.remaining";

    /** Timer of the wait for capacity, zero waits included (its count is the calls let through). */
    public static final String WAIT = "minimax.client.rate_limit.wait";

    /** Counter of calls the client's own limit refused (no request sent). */
    public static final String REFUSED = "minimax.client.rate_limit.refused";

    private final MeterRegistry registry;

    /**
     * Creates the meters on {@code registry}.
     * @param registry the registry
     */
    public RateLimiterMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers the gauges of {@code limiter}'s budgets and every counter and timer at zero, so dashboards have a
     * series before the first wait or refusal.
     * @param limiter the limiter this listens to
     */
    public void bind(ClientRateLimiter limiter) {
        for (String scope : limiter.scopes()) {
            RateLimits.Limit limit = RateLimits.ACCOUNT.equals(scope) ? limiter.limits().account()
                    : limiter.limits().models().get(scope);
            for (String kind : List.of(ClientRateLimitException.REQUESTS, ClientRateLimitException.TOKENS)) {
                long capacity = ClientRateLimitException.TOKENS.equals(kind) ? limit.tokens() : limit.requests();
                if (capacity > 0) {
                    Gauge.builder(REMAINING, limiter, (limited) -> limited.remaining(scope, kind))
                        .description("Requests or tokens left now in the client's own rate limit")
                        .tags("scope", scope, "limit", kind)
                        .register(this.registry);
                }
                refused(scope, kind, 0);
            }
            refused(scope, ClientRateLimitException.STORE, 0);
            timer(scope);
        }
    }

    @Override
    public void acquired(String scope, Duration waited) {
        timer(scope).record(waited);
    }

    @Override
    public void refused(String scope, String limit) {
        refused(scope, limit, 1);
    }

    private void refused(String scope, String limit, int count) {
        Counter.builder(REFUSED)
            .description("Calls the client's own rate limit refused before sending them")
            .tags("scope", scope, "limit", limit)
            .register(this.registry)
            .increment(count);
    }

    private Timer timer(String scope) {
        return Timer.builder(WAIT)
            .description("Time calls waited for capacity under the client's own rate limit")
            .tags("scope", scope)
            .register(this.registry);
    }
}
