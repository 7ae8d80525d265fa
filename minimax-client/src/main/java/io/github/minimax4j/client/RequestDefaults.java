package io.github.minimax4j.client;

import java.util.Objects;

import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import org.jspecify.annotations.Nullable;

/**
 * Values the client fills into a request that leaves them unset. A null default leaves the field out, so the
 * server's default applies. Built with {@link #builder()} (MiniMax-M3, everything else left to the server, until
 * set): a class, not a record, so a default added later is a new builder method, never a new constructor argument.
 */
public final class RequestDefaults {

    private final Model model;

    private final @Nullable Integer maxTokens;

    private final @Nullable Double temperature;

    private final @Nullable Double topP;

    private final @Nullable ThinkingMode thinking;

    private RequestDefaults(@Nullable Model model, @Nullable Integer maxTokens, @Nullable Double temperature,
            @Nullable Double topP, @Nullable ThinkingMode thinking) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.topP = topP;
        this.thinking = thinking;
    }

    /**
     * Starts an empty request defaults.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding every field of this one, to change some of them.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Model to use.
     * @return the model
     */
    public Model model() {
        return this.model;
    }

    /**
     * Most tokens to generate.
     * @return the limit, or null for the server's
     */
    public @Nullable Integer maxTokens() {
        return this.maxTokens;
    }

    /**
     * Randomness, in [0, 2].
     * @return the temperature, or null for the server's
     */
    public @Nullable Double temperature() {
        return this.temperature;
    }

    /**
     * Nucleus sampling, in [0, 1].
     * @return top_p, or null for the server's
     */
    public @Nullable Double topP() {
        return this.topP;
    }

    /**
     * Thinking mode, sent explicitly when set.
     * @return the thinking mode, or null
     */
    public @Nullable ThinkingMode thinking() {
        return this.thinking;
    }

    /**
     * MiniMax-M3, everything else left to the server.
     * @return the defaults
     */
    public static RequestDefaults defaults() {
        return builder().build();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof RequestDefaults that && Objects.equals(this.model, that.model)
                && Objects.equals(this.maxTokens, that.maxTokens) && Objects.equals(this.temperature, that.temperature)
                && Objects.equals(this.topP, that.topP) && Objects.equals(this.thinking, that.thinking));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.model, this.maxTokens, this.temperature, this.topP, this.thinking);
    }

    @Override
    public String toString() {
        return "RequestDefaults[model=" + this.model + ", maxTokens=" + this.maxTokens + ", temperature="
                + this.temperature + ", topP=" + this.topP + ", thinking=" + this.thinking + "]";
    }

    /** Builds a {@link RequestDefaults}; not thread-safe. */
    public static final class Builder {

        private @Nullable Model model = Model.MINIMAX_M3;

        private @Nullable Integer maxTokens;

        private @Nullable Double temperature;

        private @Nullable Double topP;

        private @Nullable ThinkingMode thinking;

        private Builder() {
        }

        private Builder(RequestDefaults source) {
            this.model = source.model;
            this.maxTokens = source.maxTokens;
            this.temperature = source.temperature;
            this.topP = source.topP;
            this.thinking = source.thinking;
        }

        /**
         * Sets the model to use.
         * @param model the model
         * @return this builder
         */
        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the most tokens to generate.
         * @param maxTokens the limit, or null for the server's
         * @return this builder
         */
        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the randomness, in [0, 2].
         * @param temperature the temperature, or null for the server's
         * @return this builder
         */
        public Builder temperature(@Nullable Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets the nucleus sampling, in [0, 1].
         * @param topP top_p, or null for the server's
         * @return this builder
         */
        public Builder topP(@Nullable Double topP) {
            this.topP = topP;
            return this;
        }

        /**
         * Sets the thinking mode, sent explicitly when set.
         * @param thinking the thinking mode, or null for none
         * @return this builder
         */
        public Builder thinking(@Nullable ThinkingMode thinking) {
            this.thinking = thinking;
            return this;
        }

        /**
         * Builds the request defaults.
         * @return a new RequestDefaults
         */
        public RequestDefaults build() {
            return new RequestDefaults(this.model, this.maxTokens, this.temperature, this.topP, this.thinking);
        }
    }
}
