package io.github.minimax4j.autoconfigure.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prices per model ({@code minimax.pricing.*}), for the cost meters. Nothing is built in: set the prices you
 * pay, per million tokens, and their currency. A model name with a dot needs brackets in a properties file:
 * {@code minimax.pricing.models[MiniMax-M2.7].input=0.3}.
 */
@ConfigurationProperties("minimax.pricing")
public class MiniMaxPricingProperties {

    /** ISO 4217 code of the prices, such as USD or CNY. Required when any model is priced. */
    private @Nullable String currency;

    /** Price per model name (as the response names it, ignoring case). */
    private Map<String, Price> models = new LinkedHashMap<>();

    public @Nullable String getCurrency() {
        return this.currency;
    }

    public void setCurrency(@Nullable String currency) {
        this.currency = currency;
    }

    public Map<String, Price> getModels() {
        return this.models;
    }

    public void setModels(Map<String, Price> models) {
        this.models = models;
    }

    /** One model's prices, per million tokens; all four are required. */
    public static class Price {

        /** Price of a million uncached input tokens. */
        private @Nullable Double input;

        /** Price of a million output tokens (reasoning included). */
        private @Nullable Double output;

        /** Price of a million input tokens read from the prompt cache. */
        private @Nullable Double cacheRead;

        /** Price of a million input tokens written to the prompt cache. */
        private @Nullable Double cacheWrite;

        public @Nullable Double getInput() {
            return this.input;
        }

        public void setInput(@Nullable Double input) {
            this.input = input;
        }

        public @Nullable Double getOutput() {
            return this.output;
        }

        public void setOutput(@Nullable Double output) {
            this.output = output;
        }

        public @Nullable Double getCacheRead() {
            return this.cacheRead;
        }

        public void setCacheRead(@Nullable Double cacheRead) {
            this.cacheRead = cacheRead;
        }

        public @Nullable Double getCacheWrite() {
            return this.cacheWrite;
        }

        public void setCacheWrite(@Nullable Double cacheWrite) {
            this.cacheWrite = cacheWrite;
        }
    }
}
