package io.github.minimax4j.autoconfigure.observation;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.observation.CostMeterObservationHandler;
import io.github.minimax4j.observation.GenAiHistogramMeterFilter;
import io.github.minimax4j.observation.MiniMaxMeterObservationHandler;
import io.github.minimax4j.observation.TokenUsageMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

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
@EnableConfigurationProperties(MiniMaxPricingProperties.class)
public final class MiniMaxObservationAutoConfiguration {

    /**
     * Ordered first: Spring Boot runs only the first meter handler that supports a context, so MiniMax calls
     * get this one instead of Micrometer's default (no duplicate {@code error} tag, no {@code _active} timer,
     * no counter per event).
     */
    @Bean
    @ConditionalOnMissingBean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MiniMaxMeterObservationHandler miniMaxMeterObservationHandler(MeterRegistry meterRegistry) {
        return new MiniMaxMeterObservationHandler(meterRegistry);
    }

    @Bean
    @ConditionalOnMissingBean
    TokenUsageMeterObservationHandler miniMaxTokenUsageMeterObservationHandler(MeterRegistry meterRegistry) {
        return new TokenUsageMeterObservationHandler(meterRegistry);
    }

    /** Cost meters for the models priced in {@code minimax.pricing.models.<model>.*}; none without prices. */
    @Bean
    @ConditionalOnMissingBean
    CostMeterObservationHandler miniMaxCostMeterObservationHandler(MeterRegistry meterRegistry,
            MiniMaxPricingProperties pricing) {
        return new CostMeterObservationHandler(meterRegistry, PriceListFactory.create(pricing));
    }

    @Bean
    @ConditionalOnMissingBean
    GenAiHistogramMeterFilter miniMaxGenAiHistogramMeterFilter() {
        return new GenAiHistogramMeterFilter();
    }
}
