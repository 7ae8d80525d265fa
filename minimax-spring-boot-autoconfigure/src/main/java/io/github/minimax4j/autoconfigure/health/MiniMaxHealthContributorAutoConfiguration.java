package io.github.minimax4j.autoconfigure.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.github.minimax4j.autoconfigure.InvalidMiniMaxPropertyException;
import io.github.minimax4j.autoconfigure.MiniMaxAutoConfiguration;
import io.github.minimax4j.autoconfigure.MiniMaxConnectionDetails;
import io.github.minimax4j.autoconfigure.MiniMaxProperties;
import io.github.minimax4j.autoconfigure.MiniMaxRequestFactories;
import io.github.minimax4j.autoconfigure.MiniMaxRestClientCustomizer;
import io.github.minimax4j.client.ApiKey;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.MiniMaxClientBuilder;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.health.MiniMaxHealthIndicator;
import io.github.minimax4j.health.PassiveMiniMaxHealthIndicator;
import io.github.minimax4j.health.RecentCallTracker;
import io.github.minimax4j.model.Model;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configures the {@code minimax} health indicator when actuator health is present: a probe of
 * {@code count_tokens}, or passive health from real calls with {@code minimax.health.probe=none}. It is not added to
 * the liveness or readiness groups: add it with
 * {@code management.endpoint.health.group.readiness.include=readinessState,minimax} if wanted.
 * <p>
 * The bean is named {@code minimaxHealthIndicator}: Boot names a contributor after its bean, minus the
 * suffix, keeping the case, so {@code miniMaxHealthIndicator} would show as {@code miniMax}. A user bean of
 * either spelling replaces it.
 */
@AutoConfiguration(after = MiniMaxAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, MiniMaxClient.class })
@ConditionalOnBean(MiniMaxConnectionDetails.class)
@ConditionalOnEnabledHealthIndicator("minimax")
@EnableConfigurationProperties({ MiniMaxProperties.class, MiniMaxHealthProperties.class })
public final class MiniMaxHealthContributorAutoConfiguration {

    /** Handler of the client's call observations: real successes count as health. */
    @Bean
    @ConditionalOnMissingBean
    RecentCallTracker miniMaxRecentCallTracker() {
        return new RecentCallTracker(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(name = { "minimaxHealthIndicator", "minimaxHealthContributor", "miniMaxHealthIndicator",
            "miniMaxHealthContributor" })
    HealthIndicator minimaxHealthIndicator(MiniMaxConnectionDetails connection, MiniMaxProperties properties,
            MiniMaxHealthProperties health, RecentCallTracker recentCalls,
            ObjectProvider<RestClient.Builder> restClientBuilder,
            ObjectProvider<MiniMaxRestClientCustomizer> customizers,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
        validate(health, connection);
        if (health.getProbe() == MiniMaxHealthProperties.Probe.NONE) {
            return new PassiveMiniMaxHealthIndicator(recentCalls);
        }
        // Its own client: a short timeout so /actuator/health never hangs, no retries, and no observer, so
        // probes are neither counted as traffic nor mistaken for real calls. Same RestClient setup as the
        // application's client (Boot's builder, MiniMax customizers such as a proxy), so it takes the same
        // road to MiniMax.
        MiniMaxClientBuilder probe = MiniMaxClient.builder()
            .apiKey(ApiKey.of(connection.apiKey()))
            .baseUrl(connection.baseUrl())
            .anthropicBaseUrl(connection.anthropicBaseUrl())
            .authScheme(properties.getAuthScheme())
            .connectTimeout(health.getTimeout())
            .readTimeout(health.getTimeout())
            .retryPolicy(RetryPolicy.none())
            .restClientBuilder(restClientBuilder.getIfAvailable(RestClient::builder).clone())
            .customizeRestClient((rest) -> customizers.orderedStream().forEach((c) -> c.customize(rest)));
        MiniMaxRequestFactories.configure(probe, requestFactoryBuilder, httpClientSettings, sslBundles,
                properties.getSsl().getBundle(), health.getTimeout(), health.getTimeout());
        return new MiniMaxHealthIndicator(probe.build().messages(), Model.of(properties.getModel()),
                countTokensUrl(connection), health.getTimeout(), health.getCacheTtl(), recentCalls, Clock.systemUTC());
    }

    /** The URL the probe calls: the gateway's when minimax.anthropic-base-url names one. */
    static URI countTokensUrl(MiniMaxConnectionDetails connection) {
        URI anthropic = connection.anthropicBaseUrl();
        String root = (anthropic != null) ? anthropic.toString() : connection.baseUrl().toString().replaceAll("/+$", "")
                + "/anthropic";
        return URI.create(root.replaceAll("/+$", "") + "/v1/messages/count_tokens");
    }

    private static void validate(MiniMaxHealthProperties health, MiniMaxConnectionDetails connection) {
        Duration timeout = health.getTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidMiniMaxPropertyException("minimax.health.timeout", "is " + timeout
                    + ", not a positive duration", "Set minimax.health.timeout to a short positive duration such as 3s.");
        }
        Duration ttl = health.getCacheTtl();
        if (ttl == null || ttl.isNegative()) {
            throw new InvalidMiniMaxPropertyException("minimax.health.cache-ttl", "is " + ttl + ", not a duration "
                    + "of zero or more", "Set minimax.health.cache-ttl to a duration such as 60s (0s probes on every "
                    + "health request).");
        }
        String key = connection.apiKey();
        if (key == null || key.isBlank()) {
            // Reached when the application defines its own MiniMaxClient (ours validates the key first).
            throw new InvalidMiniMaxPropertyException("minimax.api-key", "is not set, and the MiniMax health check "
                    + "needs it to probe the API", "Set minimax.api-key (or MINIMAX_API_KEY), provide a "
                    + "MiniMaxConnectionDetails bean, or turn the check off with management.health.minimax.enabled=false.");
        }
    }
}
