package io.github.minimax4j.anthropic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Tokens the request used, as MiniMax reports them; a count the server did not send is 0 (streams spread
 * usage over {@code message_start} and {@code message_delta}: {@link #merge(Usage)} combines them). Built by
 * {@link #of(int, int)} or {@link #builder()}: a class, not a record, so a count MiniMax adds later is a new
 * builder method, never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens" })
public final class Usage {

    @JsonProperty("input_tokens")
    private final int inputTokens;

    @JsonProperty("output_tokens")
    private final int outputTokens;

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    @JsonProperty("cache_creation_input_tokens")
    private final int cacheCreationInputTokens;

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    @JsonProperty("cache_read_input_tokens")
    private final int cacheReadInputTokens;

    private final Map<String, Object> extra;

    @JsonCreator
    private Usage(@JsonProperty("input_tokens") int inputTokens, @JsonProperty("output_tokens") int outputTokens,
            @JsonProperty("cache_creation_input_tokens") int cacheCreationInputTokens,
            @JsonProperty("cache_read_input_tokens") int cacheReadInputTokens,
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
     * @return the input tokens
     */
    public int inputTokens() {
        return this.inputTokens;
    }

    /**
     * Output tokens, thinking included.
     * @return the output tokens
     */
    public int outputTokens() {
        return this.outputTokens;
    }

    /**
     * Input tokens written to the prompt cache.
     * @return the cache creation input tokens
     */
    public int cacheCreationInputTokens() {
        return this.cacheCreationInputTokens;
    }

    /**
     * Input tokens read from the prompt cache.
     * @return the cache read input tokens
     */
    public int cacheReadInputTokens() {
        return this.cacheReadInputTokens;
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
        return new Usage(inputTokens, outputTokens, 0, 0, Map.of());
    }

    /**
     * This usage updated by a later report: each count the later one carries (non-zero) replaces this one's.
     * MiniMax reports cumulative values, so adding would double-count.
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
        return this.inputTokens + this.cacheReadInputTokens + this.cacheCreationInputTokens;
    }

    private static int latest(int earlier, int later) {
        return (later != 0) ? later : earlier;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Usage that && this.inputTokens == that.inputTokens
                && this.outputTokens == that.outputTokens
                && this.cacheCreationInputTokens == that.cacheCreationInputTokens
                && this.cacheReadInputTokens == that.cacheReadInputTokens && Objects.equals(this.extra, that.extra));
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

        private int inputTokens;

        private int outputTokens;

        private int cacheCreationInputTokens;

        private int cacheReadInputTokens;

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
         * @param inputTokens the input tokens
         * @return this builder
         */
        public Builder inputTokens(int inputTokens) {
            this.inputTokens = inputTokens;
            return this;
        }

        /**
         * Sets the output tokens, thinking included.
         * @param outputTokens the output tokens
         * @return this builder
         */
        public Builder outputTokens(int outputTokens) {
            this.outputTokens = outputTokens;
            return this;
        }

        /**
         * Sets the input tokens written to the prompt cache.
         * @param cacheCreationInputTokens the cache creation input tokens
         * @return this builder
         */
        public Builder cacheCreationInputTokens(int cacheCreationInputTokens) {
            this.cacheCreationInputTokens = cacheCreationInputTokens;
            return this;
        }

        /**
         * Sets the input tokens read from the prompt cache.
         * @param cacheReadInputTokens the cache read input tokens
         * @return this builder
         */
        public Builder cacheReadInputTokens(int cacheReadInputTokens) {
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
