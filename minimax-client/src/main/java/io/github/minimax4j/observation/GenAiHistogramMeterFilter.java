package io.github.minimax4j.observation;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Gives the call-duration timer histogram buckets that reach LLM-scale durations (up to 10 minutes) rather
 * than stopping at the defaults' range, so p95 of a long generation is still measurable.
 */
public class GenAiHistogramMeterFilter implements MeterFilter {

    private static final DistributionStatisticConfig DURATION = DistributionStatisticConfig.builder()
        .percentilesHistogram(true)
        .minimumExpectedValue((double) Duration.ofMillis(10).toNanos())
        .maximumExpectedValue((double) Duration.ofMinutes(10).toNanos())
        .build();

    @Override
    public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() == Meter.Type.TIMER && id.getName().equals(DefaultMiniMaxObservationConvention.NAME)) {
            return DURATION.merge(config);
        }
        return config;
    }
}
