package io.github.minimax4j.autoconfigure.health;

import java.time.Clock;

import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.autoconfigure.MiniMaxConnectionDetails;
import io.github.minimax4j.autoconfigure.MiniMaxProperties;
import io.github.minimax4j.client.ApiKey;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.health.MiniMaxHealthIndicator;
import io.github.minimax4j.health.RecentCallTracker;
import io.github.minimax4j.model.Model;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code minimax} health indicator when actuator health is present. It is not added to
 * the liveness or readiness groups: add it with
 * {@code management.endpoint.health.group.readiness.include=readinessState,minimax} if wanted.
 */
@AutoConfiguration(after = MiniMaxAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, MiniMaxClient.class })
@ConditionalOnEnabledHealthIndicator("minimax")
@EnableConfigurationProperties({ MiniMaxProperties.class, MiniMaxHealthProperties.class })
public final class MiniMaxHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RecentCallTracker miniMaxRecentCallTracker() {
        return new RecentCallTracker(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(MiniMaxConnectionDetails.class)
    @ConditionalOnMissingBean(name = { "minimaxHealthIndicator", "minimaxHealthContributor" })
    MiniMaxHealthIndicator minimaxHealthIndicator(MiniMaxConnectionDetails connection, MiniMaxProperties properties,
            MiniMaxHealthProperties health, RecentCallTracker recentCalls) {
        if (health.getTimeout().isNegative() || health.getTimeout().isZero()) {
            throw new InvalidMiniMaxPropertyException("minimax.health.timeout", "is " + health.getTimeout()
                    + ", not a positive duration", "Set minimax.health.timeout to a short positive duration such as 3s.");
        }
        // Its own client: a short timeout so /actuator/health never hangs, no retries, and no observer, so
        // probes are neither counted as traffic nor mistaken for real calls.
        MiniMaxClient probe = MiniMaxClient.builder()
            .apiKey(ApiKey.of(connection.apiKey()))
            .baseUrl(connection.baseUrl())
            .anthropicBaseUrl(connection.anthropicBaseUrl())
            .authScheme(properties.getAuthScheme())
            .connectTimeout(health.getTimeout())
            .readTimeout(health.getTimeout())
            .retryPolicy(RetryPolicy.none())
            .build();
        return new MiniMaxHealthIndicator(probe.messages(), Model.of(properties.getModel()), connection.baseUrl(),
                health.getCacheTtl(), recentCalls, Clock.systemUTC());
    }
}
