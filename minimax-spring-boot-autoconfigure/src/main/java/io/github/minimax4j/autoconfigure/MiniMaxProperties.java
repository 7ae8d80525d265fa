package io.github.minimax4j.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.minimax4j.client.AuthScheme;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the MiniMax client ({@code minimax.*}).
 */
@ConfigurationProperties("minimax")
public class MiniMaxProperties {

    /**
     * API key used to authenticate with MiniMax. Falls back to the MINIMAX_API_KEY environment variable.
     */
    private @Nullable String apiKey;

    /**
     * Base URL of the MiniMax API (https://api.minimaxi.com for mainland China).
     */
    private URI baseUrl = URI.create("https://api.minimax.io");

    /**
     * Root of the Anthropic-compatible API, where /v1/messages lives. Defaults to the base URL followed by
     * /anthropic; set it for a gateway that serves /v1/messages at its own root.
     */
    private @Nullable URI anthropicBaseUrl;

    /**
     * Model used when a request does not name one.
     */
    private String model = "MiniMax-M3";

    /**
     * Thinking mode sent with every request that does not set one. Unset leaves it to the endpoint's
     * default (Messages API: off for MiniMax-M3; Chat Completions: on). M2.x models always think.
     */
    private @Nullable ThinkingMode thinking;

    /**
     * Most tokens to generate when a request does not say. Unset leaves it to the server.
     */
    private @Nullable Integer maxTokens;

    /**
     * Sampling temperature in [0, 2] when a request does not set one. Unset leaves it to the server (1).
     */
    private @Nullable Double temperature;

    /**
     * Nucleus sampling top-p in [0, 1] when a request does not set one. Unset leaves it to the server.
     */
    private @Nullable Double topP;

    /**
     * Connect timeout for MiniMax API calls.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Read timeout for MiniMax API calls: the longest silence allowed between bytes of a response, not a
     * bound on the whole response (long generations are normal).
     */
    private Duration readTimeout = Duration.ofMinutes(5);

    /**
     * How the API key is sent: an Authorization Bearer header, or an x-api-key header.
     */
    private AuthScheme authScheme = AuthScheme.BEARER;

    private final Retry retry = new Retry();

    private final Observations observations = new Observations();

    private final Ssl ssl = new Ssl();

    public @Nullable String getApiKey() {
        return this.apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public URI getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable URI getAnthropicBaseUrl() {
        return this.anthropicBaseUrl;
    }

    public void setAnthropicBaseUrl(@Nullable URI anthropicBaseUrl) {
        this.anthropicBaseUrl = anthropicBaseUrl;
    }

    public String getModel() {
        return this.model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public @Nullable ThinkingMode getThinking() {
        return this.thinking;
    }

    public void setThinking(@Nullable ThinkingMode thinking) {
        this.thinking = thinking;
    }

    public @Nullable Integer getMaxTokens() {
        return this.maxTokens;
    }

    public void setMaxTokens(@Nullable Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public @Nullable Double getTemperature() {
        return this.temperature;
    }

    public void setTemperature(@Nullable Double temperature) {
        this.temperature = temperature;
    }

    public @Nullable Double getTopP() {
        return this.topP;
    }

    public void setTopP(@Nullable Double topP) {
        this.topP = topP;
    }

    public Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return this.readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public AuthScheme getAuthScheme() {
        return this.authScheme;
    }

    public void setAuthScheme(AuthScheme authScheme) {
        this.authScheme = authScheme;
    }

    public Retry getRetry() {
        return this.retry;
    }

    public Ssl getSsl() {
        return this.ssl;
    }

    public Observations getObservations() {
        return this.observations;
    }

    @Override
    public String toString() {
        return "MiniMaxProperties[apiKey=" + ((this.apiKey != null) ? "****" : null) + ", baseUrl=" + this.baseUrl
                + ", model=" + this.model + "]";
    }

    /** Retry of failed calls. */
    public static class Retry {

        /**
         * Retries after the first attempt, on 408, 409, 429, 5xx, 529 and connection errors; 0 disables
         * retrying.
         */
        private int maxRetries = 2;

        /**
         * Wait before the first retry; it doubles (with jitter) on each further retry.
         */
        private Duration initialBackoff = Duration.ofMillis(500);

        /**
         * Longest wait between attempts, also the most a server's Retry-After is honoured.
         */
        private Duration maxBackoff = Duration.ofSeconds(8);

        public int getMaxRetries() {
            return this.maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getInitialBackoff() {
            return this.initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return this.maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** Metrics and tracing of MiniMax calls. */
    public static class Observations {

        /**
         * Whether to record observations and token-usage meters.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** TLS towards MiniMax (or the gateway in front of it). */
    public static class Ssl {

        /**
         * Name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material (a corporate CA, a
         * TLS-inspecting proxy) and key material the client uses; unset uses the HTTP client's defaults.
         */
        private @Nullable String bundle;

        public @Nullable String getBundle() {
            return this.bundle;
        }

        public void setBundle(@Nullable String bundle) {
            this.bundle = bundle;
        }
    }
}
