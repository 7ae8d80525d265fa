package io.github.minimax4j.autoconfigure.ratelimit;

import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.health.MiniMaxRateLimiterHealthIndicator;
import io.github.minimax4j.ratelimit.ClientRateLimiter;
import io.github.minimax4j.ratelimit.RateLimits;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures the client-side rate limiter from {@code minimax.rate-limit.*} when
 * {@code minimax.rate-limit.enabled=true} (off by default): counted in this instance, or on Redis through the
 * application's {@code spring.data.redis.*} connection with {@code backend=redis}. The client auto-configuration
 * hands it to the client; meters join the application's {@code MeterRegistry}, and the {@code minimaxRateLimit}
 * health indicator shows its backend and state.
 */
@AutoConfiguration(before = MiniMaxAutoConfiguration.class, afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBooleanProperty("minimax.rate-limit.enabled")
@EnableConfigurationProperties(MiniMaxRateLimitProperties.class)
public final class MiniMaxRateLimitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClientRateLimiter miniMaxRateLimiter(MiniMaxRateLimitProperties properties, BeanFactory beans,
            ResourceLoader resourceLoader) {
        ClassLoader classLoader = resourceLoader.getClassLoader();
        RateLimitPropertiesValidator.validate(properties, classLoader);
        RateLimits.Builder limits = RateLimits.builder()
            .requestsPerMinute(properties.getRequestsPerMinute())
            .tokensPerMinute(properties.getTokensPerMinute())
            .maxWait(properties.getMaxWait());
        properties.getModels().forEach((model, limit) -> limits.model(model, limit.getRequestsPerMinute(),
                limit.getTokensPerMinute()));
        ClientRateLimiter.Builder limiter = ClientRateLimiter.builder(limits.build());
        if (properties.getBackend() == MiniMaxRateLimitProperties.Backend.REDIS) {
            RateLimitPropertiesValidator.checkRedisClasspath(classLoader);
            RedisRateLimitConnection.configure(limiter, beans, properties);
        }
        return RateLimitMeters.build(limiter, beans, classLoader);
    }

    /** The {@code minimaxRateLimit} health indicator, with actuator health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("minimax-rate-limit")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "minimaxRateLimitHealthIndicator")
        MiniMaxRateLimiterHealthIndicator minimaxRateLimitHealthIndicator(ClientRateLimiter limiter) {
            return new MiniMaxRateLimiterHealthIndicator(limiter);
        }
    }
}
