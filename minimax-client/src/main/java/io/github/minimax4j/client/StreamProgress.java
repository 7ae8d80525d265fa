package io.github.minimax4j.client;

import java.util.concurrent.CancellationException;

import io.github.minimax4j.observation.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * What a stream has received so far and how its observation ends, whoever reads it: the blocking
 * {@link MiniMaxStream} or the non-blocking {@link MiniMaxPublisher}. Each event marks the first chunk and every
 * chunk, and goes to the protocol's accumulator; the observation stops once, as a success with the reported usage,
 * a failure (with the usage billed so far), or a cancellation. Used by one reader at a time.
 *
 * @param <T> event type
 */
abstract sealed class StreamProgress<T> permits MessageProgress, ChatProgress {

    private final CallObservation observation;

    private boolean started;

    private boolean observed;

    private boolean eventSeen;

    StreamProgress(CallObservation observation) {
        this.observation = observation;
    }

    /** An event has been read and is about to be handed to the caller. */
    final void event(T event) {
        this.eventSeen = true;
        if (!this.started) {
            this.started = true;
            this.observation.firstChunk();
        }
        this.observation.chunk();
        accumulate(event);
    }

    /** Whether an event has been read (options that change what is kept must come before). */
    final boolean eventSeen() {
        return this.eventSeen;
    }

    /** The protocol's accumulation; calls {@link #completed} once the last event has arrived. */
    abstract void accumulate(T event);

    /** The events ended normally (the server said the stream is over). */
    void end() {
    }

    /** Keeps no content from here on, only the final message's metadata and usage. */
    abstract void discardText();

    /** The usage the API has reported so far, for a stream that fails or is closed early. */
    abstract TokenUsage usageSoFar();

    /** The model the API has named so far, for a stream that fails or is closed early. */
    abstract @Nullable String modelSoFar();

    /** Subclasses call this once the last event has arrived, with the usage the API reported. */
    final void completed(@Nullable String responseModel, TokenUsage usage) {
        if (!this.observed) {
            this.observed = true;
            this.observation.success(responseModel, usage);
        }
    }

    /** The stream failed; the tokens MiniMax reported before the failure are billed all the same. */
    final void failed(Throwable error) {
        if (!this.observed) {
            this.observed = true;
            TokenUsage usage = usageSoFar();
            if (usage.equals(TokenUsage.NONE)) {
                this.observation.failure(error);
            }
            else {
                this.observation.failure(error, modelSoFar(), usage);
            }
        }
    }

    /** The reader stopped before the stream completed (not an error of the call). */
    final void cancelled() {
        failed(new CancellationException("The stream was closed before it completed"));
    }
}
