package io.github.minimax4j.observation;

import io.github.minimax4j.observation.MiniMaxCall;
import io.github.minimax4j.observation.TokenUsage;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** What is known about a call as it runs: the call, then the model that answered and the usage reported. */
public class MiniMaxObservationContext extends Observation.Context {

    private final MiniMaxCall call;

    private final long startNanos = System.nanoTime();

    private @Nullable String responseModel;

    private @Nullable TokenUsage usage;

    public MiniMaxObservationContext(MiniMaxCall call) {
        this.call = call;
    }

    public MiniMaxCall getCall() {
        return this.call;
    }

    /** {@link System#nanoTime()} when the call started, for time-to-first-chunk. */
    public long getStartNanos() {
        return this.startNanos;
    }

    public @Nullable String getResponseModel() {
        return this.responseModel;
    }

    public void setResponseModel(@Nullable String responseModel) {
        this.responseModel = responseModel;
    }

    /** Usage the API reported; null until the call succeeded. */
    public @Nullable TokenUsage getUsage() {
        return this.usage;
    }

    public void setUsage(@Nullable TokenUsage usage) {
        this.usage = usage;
    }
}
