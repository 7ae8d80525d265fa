package io.github.minimax4j.observation;

import java.util.Arrays;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a call as it runs: the call, when each streamed chunk arrived, then the model that
 * answered and the usage reported. Chunk times are kept here and turned into meters when the call ends,
 * once the model that answered is known: the gaps between chunks as a count and a sum per histogram bucket, so a
 * stream of any length holds a few dozen numbers, not one per chunk.
 */
public class MiniMaxObservationContext extends Observation.Context {

    private final MiniMaxCall call;

    private final long startNanos = System.nanoTime();

    private @Nullable String responseModel;

    private @Nullable TokenUsage usage;

    private long firstChunkNanos = -1;

    private long lastChunkNanos;

    /**
     * OpenTelemetry's advisory duration boundaries (10 ms to 81.92 s), in nanoseconds: the buckets the chunk gaps
     * are kept in, and the one source of {@code GenAiHistogramMeterFilter}'s boundaries (kept here, not there, as
     * the filter needs micrometer-core, optional for the client).
     */
    static final long[] BUCKET_BOUNDS_NANOS = { 10_000_000L, 20_000_000L, 40_000_000L, 80_000_000L, 160_000_000L,
            320_000_000L, 640_000_000L, 1_280_000_000L, 2_560_000_000L, 5_120_000_000L, 10_240_000_000L,
            20_480_000_000L, 40_960_000_000L, 81_920_000_000L };

    private final long[] gapCounts = new long[BUCKET_BOUNDS_NANOS.length + 1];

    private final long[] gapSums = new long[BUCKET_BOUNDS_NANOS.length + 1];

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
            long gap = nanoTime - this.lastChunkNanos;
            int bucket = 0;
            while (bucket < BUCKET_BOUNDS_NANOS.length && gap > BUCKET_BOUNDS_NANOS[bucket]) {
                bucket++;
            }
            this.gapCounts[bucket]++;
            this.gapSums[bucket] += gap;
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
     * The gaps between each chunk after the first and the chunk before it, grouped by histogram bucket: per
     * non-empty bucket, how many gaps fell in it and their total. Counts, totals and bucket membership are exact.
     * @return the groups, smallest bucket first; empty when fewer than two chunks arrived
     */
    public java.util.List<ChunkGaps> getTimesPerOutputChunk() {
        java.util.List<ChunkGaps> groups = new java.util.ArrayList<>();
        for (int bucket = 0; bucket < this.gapCounts.length; bucket++) {
            if (this.gapCounts[bucket] > 0) {
                groups.add(new ChunkGaps(this.gapCounts[bucket], this.gapSums[bucket]));
            }
        }
        return groups;
    }

    /**
     * Gaps between chunks that fell in one histogram bucket.
     * @param count how many gaps
     * @param totalNanos their sum, in nanoseconds
     */
    public record ChunkGaps(long count, long totalNanos) {
    }
}
