package io.github.minimax4j.health;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.client.MiniMaxCall;
import io.github.minimax4j.client.MiniMaxCallObserver;
import io.github.minimax4j.client.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when a real call last succeeded: proof that MiniMax is reachable with the configured key,
 * so the health check need not probe while the application is talking to MiniMax anyway.
 */
public class RecentCallTracker implements MiniMaxCallObserver {

    private final Clock clock;

    private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

    public RecentCallTracker(Clock clock) {
        this.clock = clock;
    }

    /** When a call last succeeded, or null when none has yet. */
    public @Nullable Instant lastSuccess() {
        return this.lastSuccess.get();
    }

    @Override
    public Observation start(MiniMaxCall call) {
        return new Observation() {
            @Override
            public void success(@Nullable String responseModel, TokenUsage usage) {
                RecentCallTracker.this.lastSuccess.set(RecentCallTracker.this.clock.instant());
            }

            @Override
            public void failure(Throwable error) {
                // A failed call proves nothing either way: the probe decides.
            }
        };
    }
}
