package io.github.minimax4j.observation;

import java.util.Arrays;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a call as it runs: the call, when each streamed chunk arrived, then the model that
 * answered and the usage reported. Chunk times are kept here and turned into meters when the call ends,
 * once the model that answered is known.
 */
public class MiniMaxObservationContext extends Observation.Context {

    private final MiniMaxCall call;

    private final long startNanos = System.nanoTime();

    private @Nullable String responseModel;

    private @Nullable TokenUsage usage;

    private long firstChunkNanos = -1;

    private long lastChunkNanos;

    private long[] chunkGaps = new long[0];

    private int chunkGapCount;

    /**
     * A context for one call.
     * @param call what the call is
     */
    public MiniMaxObservationContext(MiniMaxCall call) {
        this.call = call;
    }

    /**
     * What the call is.
     * @return the call
     */
    public MiniMaxCall getCall() {
        return this.call;
    }

    /**
     * {@link System#nanoTime()} when the call started, for time-to-first-chunk.
     * @return the {@link System#nanoTime()} the call started at
     */
    public long getStartNanos() {
        return this.startNanos;
    }

    /**
     * The model that answered.
     * @return the model, or null before the reply or when it named none
     */
    public @Nullable String getResponseModel() {
        return this.responseModel;
    }

    /**
     * Records the model that answered.
     * @param responseModel the model, or null
     */
    public void setResponseModel(@Nullable String responseModel) {
        this.responseModel = responseModel;
    }

    /**
     * Usage the API reported; null until the call succeeded.
     * @return the usage, or null before it is known
     */
    public @Nullable TokenUsage getUsage() {
        return this.usage;
    }

    /**
     * Records the usage the call reported.
     * @param usage the usage, or null
     */
    public void setUsage(@Nullable TokenUsage usage) {
        this.usage = usage;
    }

    /**
     * A streamed chunk arrived at {@code nanoTime} ({@link System#nanoTime()}). Called by the one thread
     * reading the stream.
     * @param nanoTime the {@link System#nanoTime()} the chunk arrived at
     */
    public void chunkReceived(long nanoTime) {
        if (this.firstChunkNanos < 0) {
            this.firstChunkNanos = nanoTime;
        }
        else {
            if (this.chunkGapCount == this.chunkGaps.length) {
                this.chunkGaps = Arrays.copyOf(this.chunkGaps, Math.max(16, this.chunkGapCount * 2));
            }
            this.chunkGaps[this.chunkGapCount++] = nanoTime - this.lastChunkNanos;
        }
        this.lastChunkNanos = nanoTime;
    }

    /**
     * Nanoseconds from the start to the first chunk, or -1 when no chunk arrived (or the call was not streamed).
     * @return nanoseconds from the start to the first chunk
     */
    public long getTimeToFirstChunkNanos() {
        return (this.firstChunkNanos < 0) ? -1 : this.firstChunkNanos - this.startNanos;
    }

    /**
     * Nanoseconds between each chunk after the first and the chunk before it, in arrival order.
     * @return nanoseconds between consecutive output chunks
     */
    public long[] getTimesPerOutputChunkNanos() {
        return Arrays.copyOf(this.chunkGaps, this.chunkGapCount);
    }
}
