package io.github.minimax4j.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.PermissionDeniedException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health from the application's own calls, sending nothing ({@code minimax.health.probe=none}): for a
 * gateway that serves only {@code /v1/messages}, or where a probe must not reach MiniMax. UP when the
 * latest real call that says anything about MiniMax succeeded, DOWN when it failed, UNKNOWN before any.
 * Failures that are the caller's (a bad request, filtered content), rate limits and streams closed by their
 * caller change nothing.
 */
public class PassiveMiniMaxHealthIndicator implements HealthIndicator {

    private final RecentCallTracker recentCalls;

    public PassiveMiniMaxHealthIndicator(RecentCallTracker recentCalls) {
        this.recentCalls = Objects.requireNonNull(recentCalls, "recentCalls must not be null");
    }

    @Override
    public Health health() {
        Instant success = this.recentCalls.lastSuccess();
        RecentCallTracker.Failure failure = this.recentCalls.lastFailure();
        if (success == null && failure == null) {
            return Health.unknown().withDetail("source", "none")
                .withDetail("reason", "no MiniMax call yet (minimax.health.probe=none: health follows real calls)")
                .build();
        }
        if (failure == null || (success != null && success.isAfter(failure.at()))) {
            return Health.up().withDetails(details(Objects.requireNonNull(success))).build();
        }
        Map<String, Object> details = details(failure.at());
        Throwable error = failure.error();
        MiniMaxHealthIndicator.describe(details, error, (error instanceof AuthenticationException
                || error instanceof PermissionDeniedException) ? MiniMaxHealthIndicator.AUTH_HINT : null);
        return Health.status(Status.DOWN).withDetails(details).build();
    }

    private static Map<String, Object> details(@Nullable Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", String.valueOf(at));
        details.put("source", "recent-call");
        return details;
    }
}
