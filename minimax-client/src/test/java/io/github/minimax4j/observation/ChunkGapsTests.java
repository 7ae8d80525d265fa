package io.github.minimax4j.observation;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gaps between streamed chunks are kept per histogram bucket, not one by one: a 5,000,000-delta stream at
 * -Xmx48m ran out of memory on the per-chunk array (LongStreamHarness). Counts, sums and buckets stay exact.
 */
class ChunkGapsTests {

    private static final MiniMaxCall STREAMED_CALL = MiniMaxCall.builder()
        .api(MiniMaxCall.MESSAGES)
        .operation("chat")
        .requestModel("MiniMax-M3")
        .streaming(true)
        .build();

    @Test
    void aMillionChunksKeepOneGroupPerBucketWithExactCountsAndTotals() {
        MiniMaxObservationContext context = new MiniMaxObservationContext(STREAMED_CALL);
        long now = 0;
        long total = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long gap = (i % 3 == 0) ? 5_000_000L : 30_000_000L; // 5 ms (first bucket) and 30 ms (third)
            now += gap;
            if (i > 0) {
                total += gap;
            }
            context.chunkReceived(now);
        }
        assertThat(context.getTimesPerOutputChunk()).hasSize(2);
        assertThat(context.getTimesPerOutputChunk().stream().mapToLong(MiniMaxObservationContext.ChunkGaps::count)
            .sum()).isEqualTo(999_999);
        assertThat(context.getTimesPerOutputChunk().stream()
            .mapToLong(MiniMaxObservationContext.ChunkGaps::totalNanos).sum()).isEqualTo(total);
    }

    @Test
    void theTimerGetsEveryGapWithTheExactCountSumAndBuckets() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new MiniMaxMeterObservationHandler(meters));
        MiniMaxObservationContext context = new MiniMaxObservationContext(STREAMED_CALL);
        Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context, registry)
            .start();
        long now = context.getStartNanos();
        long[] gaps = { 1_000_000L, 3_000_000L, 15_000_000L, 17_000_000L, 2_000_000_000L };
        context.chunkReceived(now);
        for (long gap : gaps) {
            now += gap;
            context.chunkReceived(now);
        }
        observation.stop();

        Timer timer = meters.get(MiniMaxMeterObservationHandler.TIME_PER_OUTPUT_CHUNK).timer();
        assertThat(timer.count()).isEqualTo(gaps.length);
        assertThat((long) timer.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(Arrays.stream(gaps).sum());
        assertThat(Arrays.stream(timer.takeSnapshot().histogramCounts())
            .filter((bucket) -> bucket.bucket(TimeUnit.NANOSECONDS) == 10_000_000L).findFirst().orElseThrow().count())
            .as("gaps within 10 ms").isEqualTo(2);
        assertThat(Arrays.stream(timer.takeSnapshot().histogramCounts())
            .filter((bucket) -> bucket.bucket(TimeUnit.NANOSECONDS) == 20_000_000L).findFirst().orElseThrow().count())
            .as("gaps within 20 ms").isEqualTo(4);
    }

    @Test
    void theContextsBucketsAreTheOnesTheTimersPublish() {
        long[] published = Arrays.stream(GenAiHistogramMeterFilter.DURATION_BOUNDARIES_SECONDS)
            .mapToLong((seconds) -> Math.round(seconds * 1e9)).toArray();
        MiniMaxObservationContext context = new MiniMaxObservationContext(STREAMED_CALL);
        // one gap exactly on each published boundary, one just above the last: each lands in its own bucket
        long now = 0;
        context.chunkReceived(now);
        for (long bound : published) {
            now += bound;
            context.chunkReceived(now);
        }
        context.chunkReceived(now + published[published.length - 1] + 1);
        assertThat(context.getTimesPerOutputChunk()).hasSize(published.length + 1)
            .allSatisfy((group) -> assertThat(group.count()).isEqualTo(1));
    }
}
