package io.github.minimax4j.observation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives the GenAI timers the bucket boundaries the OpenTelemetry GenAI conventions advise (14, from 10 ms to
 * 81.92 s) instead of Micrometer's percentile histogram (dozens of buckets per series), whatever registered
 * them: the same buckets an OpenTelemetry SDK would export, and 14 series per tag set, not 70.
 */
public class GenAiHistogramMeterFilter implements MeterFilter {

    /** The conventions' advisory boundaries for durations, in seconds. */
    public static final double[] DURATION_BOUNDARIES_SECONDS = Arrays.stream(MiniMaxObservationContext.BUCKET_BOUNDS_NANOS)
        .mapToDouble((nanos) -> nanos / 1e9)
        .toArray();

    private static final Set<String> TIMERS = Set.of(DefaultMiniMaxObservationConvention.NAME,
            MiniMaxMeterObservationHandler.TIME_TO_FIRST_CHUNK, MiniMaxMeterObservationHandler.TIME_PER_OUTPUT_CHUNK);

    private static final DistributionStatisticConfig DURATION = DistributionStatisticConfig.builder()
        .percentilesHistogram(false)
        .serviceLevelObjectives(Arrays.stream(DURATION_BOUNDARIES_SECONDS)
            .map((seconds) -> (double) Duration.ofNanos((long) (seconds * 1e9)).toNanos())
            .toArray())
        .build();

    /** The filter, to add to a {@code MeterRegistry}'s config. */
    public GenAiHistogramMeterFilter() {
    }

    @Override
    public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() == Meter.Type.TIMER && TIMERS.contains(id.getName())) {
            return DURATION.merge(config);
        }
        return config;
    }

    /** The advisory boundaries as durations, for a timer builder. */
    static Duration[] durationBoundaries() {
        return Arrays.stream(DURATION_BOUNDARIES_SECONDS).mapToObj((seconds) -> Duration.ofNanos((long) (seconds * 1e9)))
            .toArray(Duration[]::new);
    }
}
