package io.github.minimax4j.health;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when a real call last succeeded: proof that MiniMax is reachable with the configured key, so the
 * health check need not probe while the application is talking to MiniMax anyway. An
 * {@link ObservationHandler} of the client's call observations.
 */
public class RecentCallTracker implements ObservationHandler<MiniMaxObservationContext> {

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
    public void onStop(MiniMaxObservationContext context) {
        // A failed call proves nothing either way: the probe decides.
        if (context.getError() == null) {
            this.lastSuccess.set(this.clock.instant());
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }
}
