package io.github.minimax4j.anthropic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Tokens the request used, as MiniMax reports them. A count the server did not send reads as 0 from its
 * {@code int} accessor and as empty from its {@code reported...} accessor, which tells a reported 0 from an
 * absent count (streams spread usage over {@code message_start} and {@code message_delta}:
 * {@link #merge(Usage)} combines them). Built by
 * {@link #of(int, int)} or {@link #builder()}: a class, not a record, so a count MiniMax adds later is a new
 * builder method, never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens" })
public final class Usage {

    // null: not reported (written back as absent, never as 0)
    @JsonProperty("input_tokens")
    private final @Nullable Integer inputTokens;

    @JsonProperty("output_tokens")
    private final @Nullable Integer outputTokens;

    @JsonProperty("cache_creation_input_tokens")
    private final @Nullable Integer cacheCreationInputTokens;

    @JsonProperty("cache_read_input_tokens")
    private final @Nullable Integer cacheReadInputTokens;

    private final Map<String, Object> extra;

    @JsonCreator
    private Usage(@JsonProperty("input_tokens") @Nullable Integer inputTokens,
            @JsonProperty("output_tokens") @Nullable Integer outputTokens,
            @JsonProperty("cache_creation_input_tokens") @Nullable Integer cacheCreationInputTokens,
            @JsonProperty("cache_read_input_tokens") @Nullable Integer cacheReadInputTokens,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.cacheCreationInputTokens = cacheCreationInputTokens;
        this.cacheReadInputTokens = cacheReadInputTokens;
        this.extra = JsonMaps.copyOf(extra);
    }

    /**
     * Starts an empty usage.
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
     * @return the input tokens, 0 when not reported
     */
    public int inputTokens() {
        return orZero(this.inputTokens);
    }

    /**
     * Uncached input tokens, if reported.
     * @return the input tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedInputTokens() {
        return reported(this.inputTokens);
    }

    /**
     * Output tokens, thinking included.
     * @return the output tokens, 0 when not reported
     */
    public int outputTokens() {
        return orZero(this.outputTokens);
    }

    /**
     * Output tokens, if reported.
     * @return the output tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedOutputTokens() {
        return reported(this.outputTokens);
    }

    /**
     * Input tokens written to the prompt cache.
     * @return the cache creation input tokens, 0 when not reported
     */
    public int cacheCreationInputTokens() {
        return orZero(this.cacheCreationInputTokens);
    }

    /**
     * Input tokens written to the prompt cache, if reported.
     * @return the cache creation input tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedCacheCreationInputTokens() {
        return reported(this.cacheCreationInputTokens);
    }

    /**
     * Input tokens read from the prompt cache.
     * @return the cache read input tokens, 0 when not reported
     */
    public int cacheReadInputTokens() {
        return orZero(this.cacheReadInputTokens);
    }

    /**
     * Input tokens read from the prompt cache, if reported.
     * @return the cache read input tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedCacheReadInputTokens() {
        return reported(this.cacheReadInputTokens);
    }

    /**
     * Fields this client does not know, kept as they came, in order.
     * @return the fields, unmodifiable
     */
    @JsonAnyGetter
    public Map<String, Object> extra() {
        return this.extra;
    }

    /**
     * Usage with no cache counts.
     * @param inputTokens input tokens
     * @param outputTokens output tokens
     * @return the usage
     */
    public static Usage of(int inputTokens, int outputTokens) {
        return new Usage(inputTokens, outputTokens, null, null, Map.of());
    }

    /**
     * This usage updated by a later report: each count the later one carries replaces this one's, except a
     * later 0 over an earlier non-zero count (a stream's closing report repeats counts it has, as 0 where it
     * has none). MiniMax reports cumulative values, so adding would double-count.
     * @param later the later report, or null
     * @return the merged usage
     */
    public Usage merge(@Nullable Usage later) {
        if (later == null) {
            return this;
        }
        Map<String, Object> mergedExtra = new LinkedHashMap<>(this.extra);
        mergedExtra.putAll(later.extra);
        return new Usage(latest(this.inputTokens, later.inputTokens), latest(this.outputTokens, later.outputTokens),
                latest(this.cacheCreationInputTokens, later.cacheCreationInputTokens),
                latest(this.cacheReadInputTokens, later.cacheReadInputTokens), mergedExtra);
    }

    /**
     * All input tokens: uncached, cache-read and cache-creation (OpenTelemetry's definition of input).
     * @return the sum
     */
    public int totalInputTokens() {
        return inputTokens() + cacheReadInputTokens() + cacheCreationInputTokens();
    }

    private static @Nullable Integer latest(@Nullable Integer earlier, @Nullable Integer later) {
        return (later == null || (later == 0 && earlier != null)) ? earlier : later;
    }

    private static int orZero(@Nullable Integer count) {
        return (count != null) ? count : 0;
    }

    private static OptionalInt reported(@Nullable Integer count) {
        return (count != null) ? OptionalInt.of(count) : OptionalInt.empty();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Usage that && Objects.equals(this.inputTokens, that.inputTokens)
                && Objects.equals(this.outputTokens, that.outputTokens)
                && Objects.equals(this.cacheCreationInputTokens, that.cacheCreationInputTokens)
                && Objects.equals(this.cacheReadInputTokens, that.cacheReadInputTokens)
                && Objects.equals(this.extra, that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.inputTokens, this.outputTokens, this.cacheCreationInputTokens,
                this.cacheReadInputTokens, this.extra);
    }

    @Override
    public String toString() {
        return "Usage[inputTokens=" + this.inputTokens + ", outputTokens=" + this.outputTokens
                + ", cacheCreationInputTokens=" + this.cacheCreationInputTokens + ", cacheReadInputTokens="
                + this.cacheReadInputTokens + ", extra=" + this.extra + "]";
    }

    /** Builds a {@link Usage}; not thread-safe. */
    public static final class Builder {

        private @Nullable Integer inputTokens;

        private @Nullable Integer outputTokens;

        private @Nullable Integer cacheCreationInputTokens;

        private @Nullable Integer cacheReadInputTokens;

        private @Nullable Map<String, Object> extra;

        private Builder() {
        }

        private Builder(Usage source) {
            this.inputTokens = source.inputTokens;
            this.outputTokens = source.outputTokens;
            this.cacheCreationInputTokens = source.cacheCreationInputTokens;
            this.cacheReadInputTokens = source.cacheReadInputTokens;
            this.extra = source.extra;
        }

        /**
         * Sets the uncached input tokens.
         * @param inputTokens the input tokens, or null for not reported
         * @return this builder
         */
        public Builder inputTokens(@Nullable Integer inputTokens) {
            this.inputTokens = inputTokens;
            return this;
        }

        /**
         * Sets the output tokens, thinking included.
         * @param outputTokens the output tokens, or null for not reported
         * @return this builder
         */
        public Builder outputTokens(@Nullable Integer outputTokens) {
            this.outputTokens = outputTokens;
            return this;
        }

        /**
         * Sets the input tokens written to the prompt cache.
         * @param cacheCreationInputTokens the cache creation input tokens, or null for not reported
         * @return this builder
         */
        public Builder cacheCreationInputTokens(@Nullable Integer cacheCreationInputTokens) {
            this.cacheCreationInputTokens = cacheCreationInputTokens;
            return this;
        }

        /**
         * Sets the input tokens read from the prompt cache.
         * @param cacheReadInputTokens the cache read input tokens, or null for not reported
         * @return this builder
         */
        public Builder cacheReadInputTokens(@Nullable Integer cacheReadInputTokens) {
            this.cacheReadInputTokens = cacheReadInputTokens;
            return this;
        }

        /**
         * Sets the fields this client does not know, kept as they came, in order.
         * @param extra fields this client does not know, in order
         * @return this builder
         */
        public Builder extra(Map<String, Object> extra) {
            this.extra = extra;
            return this;
        }

        /**
         * Builds the usage.
         * @return a new Usage
         */
        public Usage build() {
            return new Usage(this.inputTokens, this.outputTokens, this.cacheCreationInputTokens,
                    this.cacheReadInputTokens, this.extra);
        }
    }
}
