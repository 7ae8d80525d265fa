package io.github.minimax4j.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ModelLimits;
import org.jspecify.annotations.Nullable;

/** Checks {@code minimax.*} before the client is built, so a bad value fails startup, not the first call. */
final class MiniMaxPropertiesValidator {

    private MiniMaxPropertiesValidator() {
    }

    static void validate(MiniMaxProperties properties, MiniMaxConnectionDetails connection) {
        if (connection.apiKey() == null || connection.apiKey().isBlank()) {
            throw new InvalidMiniMaxPropertyException("minimax.api-key", "no MiniMax API key is configured",
                    "Set minimax.api-key in application.yml, or the MINIMAX_API_KEY environment variable, to a key "
                            + "from https://platform.minimax.io (Account Management > API Keys).");
        }
        checkUrl("minimax.base-url", connection.baseUrl());
        if (connection.anthropicBaseUrl() != null) {
            checkUrl("minimax.anthropic-base-url", connection.anthropicBaseUrl());
        }
        if (properties.getModel() == null || properties.getModel().isBlank()) {
            throw new InvalidMiniMaxPropertyException("minimax.model", "must not be blank",
                    "Set minimax.model to a model id such as MiniMax-M3, or remove it to use the default.");
        }
        Model model = Model.of(properties.getModel());
        Integer maxTokens = properties.getMaxTokens();
        int maxOutput = model.limits().map(ModelLimits::maxOutputTokens).orElse(Integer.MAX_VALUE);
        if (maxTokens != null && (maxTokens < 1 || maxTokens > maxOutput)) {
            throw new InvalidMiniMaxPropertyException("minimax.max-tokens", "is " + maxTokens + ", outside [1, "
                    + maxOutput + "] for " + model, "Set minimax.max-tokens between 1 and " + maxOutput + ".");
        }
        checkRange("minimax.temperature", properties.getTemperature(), 2);
        checkRange("minimax.top-p", properties.getTopP(), 1);
        checkPositive("minimax.connect-timeout", properties.getConnectTimeout());
        checkPositive("minimax.read-timeout", properties.getReadTimeout());
        MiniMaxProperties.Retry retry = properties.getRetry();
        if (retry.getMaxRetries() < 0) {
            throw new InvalidMiniMaxPropertyException("minimax.retry.max-retries", "is " + retry.getMaxRetries()
                    + ", which is negative", "Set minimax.retry.max-retries to 0 (no retries) or more.");
        }
        checkNotNegative("minimax.retry.initial-backoff", retry.getInitialBackoff());
        checkNotNegative("minimax.retry.max-backoff", retry.getMaxBackoff());
    }

    private static void checkUrl(String property, @Nullable URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new InvalidMiniMaxPropertyException(property, "'" + url + "' is not an absolute http(s) URL",
                    "Set " + property + " to a URL such as https://api.minimax.io (scheme and host included).");
        }
        if (url.getUserInfo() != null || url.getQuery() != null) {
            throw new InvalidMiniMaxPropertyException(property, "must not carry credentials or a query",
                    "Put the key in minimax.api-key, and set " + property + " to scheme, host and path only.");
        }
    }

    private static void checkRange(String property, @Nullable Double value, double max) {
        if (value != null && !(value >= 0 && value <= max)) {
            throw new InvalidMiniMaxPropertyException(property, "is " + value + ", outside [0, " + (int) max + "]",
                    "Set " + property + " between 0 and " + (int) max + ", or remove it to use the server default.");
        }
    }

    private static void checkPositive(String property, @Nullable Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidMiniMaxPropertyException(property, "is " + value + ", not a positive duration",
                    "Set " + property + " to a positive duration such as 30s.");
        }
    }

    private static void checkNotNegative(String property, @Nullable Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidMiniMaxPropertyException(property, "is " + value + ", a negative duration",
                    "Set " + property + " to a duration of 0 or more, such as 500ms.");
        }
    }
}
