package io.github.minimax4j.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * The timers of a MiniMax call, recorded once when it ends, with the tags of its convention and nothing
 * else: {@code gen_ai.client.operation.duration}, and for streams
 * {@code gen_ai.client.operation.time_to_first_chunk} and {@code gen_ai.client.operation.time_per_output_chunk}
 * (one sample per chunk after the first: the time since the chunk before). All three use the OpenTelemetry
 * advisory buckets.
 * <p>
 * It takes the place of Micrometer's {@code DefaultMeterObservationHandler} for MiniMax calls (Spring Boot
 * runs the first meter handler that supports a context, and this one is ordered first), which would add an
 * {@code error} tag repeating {@code error.type}, a long-task timer ({@code _active}) and a counter per event.
 */
public class MiniMaxMeterObservationHandler implements MeterObservationHandler<MiniMaxObservationContext> {

    /** Timer of the time from the start of a streamed call to its first chunk. */
    public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

    /** Timer of the time between output chunks of a streamed call. */
    public static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";

    private static final Duration[] BUCKETS = GenAiHistogramMeterFilter.durationBoundaries();

    private final MeterRegistry registry;

    /**
     * A handler recording into {@code registry}.
     * @param registry where the timers go
     */
    public MiniMaxMeterObservationHandler(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof MiniMaxObservationContext;
    }

    @Override
    public void onStop(MiniMaxObservationContext context) {
        long elapsed = System.nanoTime() - context.getStartNanos();
        Tags tags = Tags.empty();
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        Tags tagsWithoutError = TokenUsageMeterObservationHandler.tagsWithoutError(context);
        timer(DefaultMiniMaxObservationConvention.NAME, "Duration of MiniMax calls: a reply, a whole stream (to its "
                + "last event, failure or close), or a token count", tags).record(elapsed, TimeUnit.NANOSECONDS);
        long firstChunk = context.getTimeToFirstChunkNanos();
        if (firstChunk >= 0) {
            timer(TIME_TO_FIRST_CHUNK, "Time from the start of a streamed call to its first chunk", tagsWithoutError)
                .record(firstChunk, TimeUnit.NANOSECONDS);
            List<MiniMaxObservationContext.ChunkGaps> groups = context.getTimesPerOutputChunk();
            if (!groups.isEmpty()) {
                Timer perChunk = timer(TIME_PER_OUTPUT_CHUNK,
                        "Time between a streamed chunk and the chunk before it, for each chunk after the first",
                        tagsWithoutError);
                for (MiniMaxObservationContext.ChunkGaps group : groups) {
                    // Each gap of a bucket is recorded as the bucket's mean (the last one takes the remainder), so
                    // count, sum and bucket counts stay exact while the context keeps no gap one by one.
                    long mean = group.totalNanos() / group.count();
                    for (long i = 1; i < group.count(); i++) {
                        perChunk.record(mean, TimeUnit.NANOSECONDS);
                    }
                    perChunk.record(group.totalNanos() - mean * (group.count() - 1), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS)
            .register(this.registry);
    }
}
