package io.github.minimax4j.health;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.SensitiveContentException;
import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.MiniMaxObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Remembers when a real call last succeeded (proof that MiniMax is reachable with the configured key, so
 * the health check need not probe while the application is talking to MiniMax anyway) and the last failure
 * that says MiniMax cannot be used (for passive health, {@code minimax.health.probe=none}). An
 * {@link ObservationHandler} of the client's call observations.
 */
public class RecentCallTracker implements ObservationHandler<MiniMaxObservationContext> {

    private final Clock clock;

    private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

    private final AtomicReference<@Nullable Failure> lastFailure = new AtomicReference<>();

    public RecentCallTracker(Clock clock) {
        this.clock = clock;
    }

    /** When a call last succeeded, or null when none has yet. */
    public @Nullable Instant lastSuccess() {
        return this.lastSuccess.get();
    }

    /** The last call that failed for a reason on MiniMax's side of the wire, or null when none has. */
    public @Nullable Failure lastFailure() {
        return this.lastFailure.get();
    }

    @Override
    public void onStop(MiniMaxObservationContext context) {
        if (MiniMaxCall.FILES.equals(context.getCall().api())) {
            // File operations say nothing about generation: a missing file must not turn health DOWN.
            return;
        }
        Throwable error = context.getError();
        if (error == null) {
            succeeded();
        }
        else {
            failed(error);
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }

    void succeeded() {
        this.lastSuccess.set(this.clock.instant());
    }

    /**
     * Records a failure unless it says nothing about MiniMax's health: a request the caller got wrong or the
     * content filter refused, a rate limit (MiniMax answered), or a stream its caller closed.
     */
    void failed(Throwable error) {
        if (error instanceof BadRequestException || error instanceof InvalidRequestException
                || error instanceof SensitiveContentException || error instanceof RateLimitException
                || error instanceof CancellationException) {
            return;
        }
        this.lastFailure.set(new Failure(this.clock.instant(), error));
    }

    /**
     * A failed call.
     *
     * @param at when it failed
     * @param error why
     */
    public record Failure(Instant at, Throwable error) {
    }
}
