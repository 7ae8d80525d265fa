package io.github.minimax4j.autoconfigure;

import io.github.minimax4j.client.ApiKey;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.MiniMaxClientBuilder;
import io.github.minimax4j.client.RequestDefaults;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.health.RecentCallTracker;
import io.github.minimax4j.observation.MiniMaxObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.github.minimax4j.model.Model;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Auto-configures a {@link MiniMaxClient} from {@code minimax.*}, on a clone of Boot's
 * {@link RestClient.Builder} so Boot's customizers and HTTP client metrics apply to it, and on a request
 * factory from Boot's HTTP client settings ({@code spring.http.clients.*}, SSL bundles) with MiniMax's rules on
 * top: see {@link MiniMaxRequestFactories}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
@EnableConfigurationProperties(MiniMaxProperties.class)
public final class MiniMaxAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(MiniMaxAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(MiniMaxConnectionDetails.class)
    PropertiesMiniMaxConnectionDetails miniMaxConnectionDetails(MiniMaxProperties properties,
            Environment environment) {
        return new PropertiesMiniMaxConnectionDetails(properties, environment);
    }

    @Bean
    @ConditionalOnMissingBean
    MiniMaxClient miniMaxClient(MiniMaxProperties properties, MiniMaxConnectionDetails connection,
            ObjectProvider<RestClient.Builder> restClientBuilder,
            ObjectProvider<MiniMaxRestClientCustomizer> customizers,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<MiniMaxObservationConvention> observationConvention,
            ObjectProvider<RecentCallTracker> recentCalls,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
        MiniMaxPropertiesValidator.validate(properties, connection);
        MiniMaxProperties.Retry retry = properties.getRetry();
        RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder).clone();
        MiniMaxClientBuilder client = MiniMaxClient.builder()
            .apiKey(ApiKey.of(connection.apiKey()))
            .baseUrl(connection.baseUrl())
            .anthropicBaseUrl(connection.anthropicBaseUrl())
            .authScheme(properties.getAuthScheme())
            .defaults(RequestDefaults.builder()
                .model(Model.of(properties.getModel()))
                .maxTokens(properties.getMaxTokens())
                .temperature(properties.getTemperature())
                .topP(properties.getTopP())
                .thinking(properties.getThinking())
                .build())
            .connectTimeout(properties.getConnectTimeout())
            .readTimeout(properties.getReadTimeout())
            .retryPolicy(new RetryPolicy(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff()))
            .restClientBuilder(builder)
            .customizeRestClient((rest) -> customizers.orderedStream().forEach((c) -> c.customize(rest)))
            .observationRegistry(observationRegistry(properties, observationRegistry, recentCalls))
            .observationConvention(observationConvention.getIfAvailable());
        MiniMaxRequestFactories.configure(client, requestFactoryBuilder, httpClientSettings, sslBundles,
                properties.getSsl().getBundle(), properties.getConnectTimeout(), properties.getReadTimeout());
        if (MiniMaxRequestFactories.usesApacheHttpClient(
                requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect))) {
            ApacheHttpClientLogs.warnIfOn(LOG);
        }
        return client.build();
    }

    /**
     * The application's registry, whose handlers (Boot adds every {@code ObservationHandler} bean, the health
     * check's {@link RecentCallTracker} among them) then see each call. Without one, or with
     * {@code minimax.observations.enabled=false}, a registry of the client's own feeds the health check only.
     */
    private static ObservationRegistry observationRegistry(MiniMaxProperties properties,
            ObjectProvider<ObservationRegistry> applicationRegistry, ObjectProvider<RecentCallTracker> recentCalls) {
        ObservationRegistry registry = properties.getObservations().isEnabled() ? applicationRegistry.getIfAvailable()
                : null;
        if (registry != null) {
            return registry;
        }
        RecentCallTracker tracker = recentCalls.getIfAvailable();
        if (tracker == null) {
            return ObservationRegistry.NOOP;
        }
        ObservationRegistry own = ObservationRegistry.create();
        own.observationConfig().observationHandler(tracker);
        return own;
    }

    /**
     * Masks the API key in {@code /actuator/env} and {@code /actuator/configprops}, even where an
     * application shows values ({@code management.endpoint.env.show-values=always}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class ApiKeySanitizingConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "miniMaxApiKeySanitizingFunction")
        SanitizingFunction miniMaxApiKeySanitizingFunction() {
            return ApiKeySanitizingConfiguration::sanitize;
        }

        private static SanitizableData sanitize(SanitizableData data) {
            String key = data.getKey().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "")
                .replace(".", "");
            boolean miniMaxKey = key.equals("minimaxapikey") || (key.equals("apikey")
                    && data.getPropertySource() == null);
            return miniMaxKey ? data.withSanitizedValue() : data;
        }
    }
}
