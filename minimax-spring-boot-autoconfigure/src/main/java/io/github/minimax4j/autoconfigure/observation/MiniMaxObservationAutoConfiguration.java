package io.github.minimax4j.autoconfigure.observation;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.observation.GenAiHistogramMeterFilter;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Meters for every MiniMax call (latency, time to first chunk, and the token usage the API reports) from the
 * observations the client starts in the application's {@link ObservationRegistry} (a span too, where tracing is
 * present), when Micrometer is present with a registry. Turn it off with {@code minimax.observations.enabled=false}.
 */
@AutoConfiguration(before = MiniMaxAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnClass({ ObservationRegistry.class, MeterRegistry.class })
@ConditionalOnBean({ ObservationRegistry.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "minimax.observations.enabled", matchIfMissing = true)
public final class MiniMaxObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenUsageMeterObservationHandler miniMaxTokenUsageMeterObservationHandler(MeterRegistry meterRegistry) {
        return new TokenUsageMeterObservationHandler(meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean
    GenAiHistogramMeterFilter miniMaxGenAiHistogramMeterFilter() {
        return new GenAiHistogramMeterFilter();
    }
}
