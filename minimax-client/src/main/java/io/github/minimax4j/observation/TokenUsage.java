package io.github.minimax4j.observation;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Token usage of one call, the same for both APIs. Built with {@link #builder()}: a class, not a record, so a
 * count added later is a new builder method, never a new constructor argument.
 */
public final class TokenUsage {

    /** No tokens. */
    public static final TokenUsage NONE = builder().build();

    private final long inputTokens;

    private final long outputTokens;

    private final long cacheReadInputTokens;

    private final long cacheCreationInputTokens;

    private final long reasoningOutputTokens;

    private TokenUsage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens,
            long reasoningOutputTokens) {
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.cacheReadInputTokens = cacheReadInputTokens;
        this.cacheCreationInputTokens = cacheCreationInputTokens;
        this.reasoningOutputTokens = reasoningOutputTokens;
    }

    /**
     * Starts an empty token usage.
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
     * Uncached input tokens.
     * @return the input tokens
     */
    public long inputTokens() {
        return this.inputTokens;
    }

    /**
     * Output tokens, reasoning included.
     * @return the output tokens
     */
    public long outputTokens() {
        return this.outputTokens;
    }

    /**
     * Input tokens read from the prompt cache.
     * @return the cache read input tokens
     */
    public long cacheReadInputTokens() {
        return this.cacheReadInputTokens;
    }

    /**
     * Input tokens written to the prompt cache.
     * @return the cache creation input tokens
     */
    public long cacheCreationInputTokens() {
        return this.cacheCreationInputTokens;
    }

    /**
     * Output tokens spent on reasoning, where the API reports them.
     * @return the reasoning output tokens
     */
    public long reasoningOutputTokens() {
        return this.reasoningOutputTokens;
    }

    /**
     * Input as OpenTelemetry counts it: uncached + cache-read + cache-creation.
     * @return uncached, cache-read and cache-creation input tokens
     */
    public long totalInputTokens() {
        return this.inputTokens + this.cacheReadInputTokens + this.cacheCreationInputTokens;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof TokenUsage that && this.inputTokens == that.inputTokens
                && this.outputTokens == that.outputTokens && this.cacheReadInputTokens == that.cacheReadInputTokens
                && this.cacheCreationInputTokens == that.cacheCreationInputTokens
                && this.reasoningOutputTokens == that.reasoningOutputTokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.inputTokens, this.outputTokens, this.cacheReadInputTokens,
                this.cacheCreationInputTokens, this.reasoningOutputTokens);
    }

    @Override
    public String toString() {
        return "TokenUsage[inputTokens=" + this.inputTokens + ", outputTokens=" + this.outputTokens
                + ", cacheReadInputTokens=" + this.cacheReadInputTokens + ", cacheCreationInputTokens="
                + this.cacheCreationInputTokens + ", reasoningOutputTokens=" + this.reasoningOutputTokens + "]";
    }

    /** Builds a {@link TokenUsage}; not thread-safe. */
    public static final class Builder {

        private long inputTokens;

        private long outputTokens;

        private long cacheReadInputTokens;

        private long cacheCreationInputTokens;

        private long reasoningOutputTokens;

        private Builder() {
        }

        private Builder(TokenUsage source) {
            this.inputTokens = source.inputTokens;
            this.outputTokens = source.outputTokens;
            this.cacheReadInputTokens = source.cacheReadInputTokens;
            this.cacheCreationInputTokens = source.cacheCreationInputTokens;
            this.reasoningOutputTokens = source.reasoningOutputTokens;
        }

        /**
         * Sets the uncached input tokens.
         * @param inputTokens the input tokens
         * @return this builder
         */
        public Builder inputTokens(long inputTokens) {
            this.inputTokens = inputTokens;
            return this;
        }

        /**
         * Sets the output tokens, reasoning included.
         * @param outputTokens the output tokens
         * @return this builder
         */
        public Builder outputTokens(long outputTokens) {
            this.outputTokens = outputTokens;
            return this;
        }

        /**
         * Sets the input tokens read from the prompt cache.
         * @param cacheReadInputTokens the cache read input tokens
         * @return this builder
         */
        public Builder cacheReadInputTokens(long cacheReadInputTokens) {
            this.cacheReadInputTokens = cacheReadInputTokens;
            return this;
        }

        /**
         * Sets the input tokens written to the prompt cache.
         * @param cacheCreationInputTokens the cache creation input tokens
         * @return this builder
         */
        public Builder cacheCreationInputTokens(long cacheCreationInputTokens) {
            this.cacheCreationInputTokens = cacheCreationInputTokens;
            return this;
        }

        /**
         * Sets the output tokens spent on reasoning, where the API reports them.
         * @param reasoningOutputTokens the reasoning output tokens
         * @return this builder
         */
        public Builder reasoningOutputTokens(long reasoningOutputTokens) {
            this.reasoningOutputTokens = reasoningOutputTokens;
            return this;
        }

        /**
         * Builds the token usage.
         * @return a new TokenUsage
         */
        public TokenUsage build() {
            return new TokenUsage(this.inputTokens, this.outputTokens, this.cacheReadInputTokens,
                    this.cacheCreationInputTokens, this.reasoningOutputTokens);
        }
    }
}
