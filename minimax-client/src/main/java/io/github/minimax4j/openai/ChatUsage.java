package io.github.minimax4j.openai;

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
 * Tokens a chat completion used. A count the server did not send reads as 0 from its {@code int} accessor and
 * as empty from its {@code reported...} accessor, which tells a reported 0 from an absent count. A class with a builder, not a record,
 * so a count MiniMax adds later is a new builder method, never a new constructor argument.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details",
        "completion_tokens_details" })
public final class ChatUsage {

    @JsonProperty("prompt_tokens")
    private final @Nullable Integer promptTokens;

    @JsonProperty("completion_tokens")
    private final @Nullable Integer completionTokens;

    @JsonProperty("total_tokens")
    private final @Nullable Integer totalTokens;

    @JsonProperty("prompt_tokens_details")
    private final @Nullable PromptTokensDetails promptTokensDetails;

    @JsonProperty("completion_tokens_details")
    private final @Nullable CompletionTokensDetails completionTokensDetails;

    private final Map<String, Object> extra;

    @JsonCreator
    private ChatUsage(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
            @JsonProperty("completion_tokens") @Nullable Integer completionTokens,
            @JsonProperty("total_tokens") @Nullable Integer totalTokens,
            @JsonProperty("prompt_tokens_details") @Nullable PromptTokensDetails promptTokensDetails,
            @JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails,
            @JsonAnySetter @Nullable Map<String, Object> extra) {
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.totalTokens = totalTokens;
        this.promptTokensDetails = promptTokensDetails;
        this.completionTokensDetails = completionTokensDetails;
        this.extra = JsonMaps.copyOf(extra);
    }

    /**
     * Starts an empty chat usage.
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
     * All input tokens, cached ones included.
     * @return the prompt tokens, 0 when not reported
     */
    public int promptTokens() {
        return (this.promptTokens != null) ? this.promptTokens : 0;
    }

    /**
     * All input tokens, cached ones included, if reported.
     * @return the prompt tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedPromptTokens() {
        return (this.promptTokens != null) ? OptionalInt.of(this.promptTokens) : OptionalInt.empty();
    }

    /**
     * Output tokens, reasoning included.
     * @return the completion tokens, 0 when not reported
     */
    public int completionTokens() {
        return (this.completionTokens != null) ? this.completionTokens : 0;
    }

    /**
     * Output tokens, reasoning included, if reported.
     * @return the completion tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedCompletionTokens() {
        return (this.completionTokens != null) ? OptionalInt.of(this.completionTokens) : OptionalInt.empty();
    }

    /**
     * Prompt plus completion tokens.
     * @return the total tokens, 0 when not reported
     */
    public int totalTokens() {
        return (this.totalTokens != null) ? this.totalTokens : 0;
    }

    /**
     * Prompt plus completion tokens, if reported.
     * @return the total tokens as MiniMax sent them (0 included), or empty when the reply did not report them
     */
    public OptionalInt reportedTotalTokens() {
        return (this.totalTokens != null) ? OptionalInt.of(this.totalTokens) : OptionalInt.empty();
    }

    /**
     * How many input tokens came from the cache, when reported.
     * @return the details, or null
     */
    public @Nullable PromptTokensDetails promptTokensDetails() {
        return this.promptTokensDetails;
    }

    /**
     * How many output tokens were reasoning, when reported.
     * @return the details, or null
     */
    public @Nullable CompletionTokensDetails completionTokensDetails() {
        return this.completionTokensDetails;
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
     * Input tokens read from the cache.
     * @return {@code prompt_tokens_details.cached_tokens}, 0 when absent
     */
    public int cachedTokens() {
        return (this.promptTokensDetails != null) ? this.promptTokensDetails.cachedTokens() : 0;
    }

    /**
     * Input tokens read from the cache, if reported.
     * @return {@code prompt_tokens_details.cached_tokens} when the reply carried the details, else empty
     */
    public OptionalInt reportedCachedTokens() {
        return (this.promptTokensDetails != null) ? OptionalInt.of(this.promptTokensDetails.cachedTokens())
                : OptionalInt.empty();
    }

    /**
     * Output tokens spent on reasoning.
     * @return {@code completion_tokens_details.reasoning_tokens}, 0 when absent
     */
    public int reasoningTokens() {
        return (this.completionTokensDetails != null) ? this.completionTokensDetails.reasoningTokens() : 0;
    }

    /**
     * Where input tokens came from.
     *
     * @param cachedTokens input tokens read from the cache
     */
    public record PromptTokensDetails(int cachedTokens) {
    }

    /**
     * What output tokens were spent on.
     *
     * @param reasoningTokens output tokens spent on reasoning
     */
    public record CompletionTokensDetails(int reasoningTokens) {
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ChatUsage that && Objects.equals(this.promptTokens, that.promptTokens)
                && Objects.equals(this.completionTokens, that.completionTokens)
                && Objects.equals(this.totalTokens, that.totalTokens)
                && Objects.equals(this.promptTokensDetails, that.promptTokensDetails)
                && Objects.equals(this.completionTokensDetails, that.completionTokensDetails)
                && Objects.equals(this.extra, that.extra));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.promptTokens, this.completionTokens, this.totalTokens, this.promptTokensDetails,
                this.completionTokensDetails, this.extra);
    }

    @Override
    public String toString() {
        return "ChatUsage[promptTokens=" + this.promptTokens + ", completionTokens=" + this.completionTokens
                + ", totalTokens=" + this.totalTokens + ", promptTokensDetails=" + this.promptTokensDetails
                + ", completionTokensDetails=" + this.completionTokensDetails + ", extra=" + this.extra + "]";
    }

    /** Builds a {@link ChatUsage}; not thread-safe. */
    public static final class Builder {

        private @Nullable Integer promptTokens;

        private @Nullable Integer completionTokens;

        private @Nullable Integer totalTokens;

        private @Nullable PromptTokensDetails promptTokensDetails;

        private @Nullable CompletionTokensDetails completionTokensDetails;

        private @Nullable Map<String, Object> extra;

        private Builder() {
        }

        private Builder(ChatUsage source) {
            this.promptTokens = source.promptTokens;
            this.completionTokens = source.completionTokens;
            this.totalTokens = source.totalTokens;
            this.promptTokensDetails = source.promptTokensDetails;
            this.completionTokensDetails = source.completionTokensDetails;
            this.extra = source.extra;
        }

        /**
         * Sets all input tokens, cached ones included.
         * @param promptTokens the prompt tokens, or null for not reported
         * @return this builder
         */
        public Builder promptTokens(@Nullable Integer promptTokens) {
            this.promptTokens = promptTokens;
            return this;
        }

        /**
         * Sets the output tokens, reasoning included.
         * @param completionTokens the completion tokens, or null for not reported
         * @return this builder
         */
        public Builder completionTokens(@Nullable Integer completionTokens) {
            this.completionTokens = completionTokens;
            return this;
        }

        /**
         * Sets the prompt plus completion tokens.
         * @param totalTokens the total tokens, or null for not reported
         * @return this builder
         */
        public Builder totalTokens(@Nullable Integer totalTokens) {
            this.totalTokens = totalTokens;
            return this;
        }

        /**
         * Sets how many input tokens came from the cache, when reported.
         * @param promptTokensDetails the details, or null for none
         * @return this builder
         */
        public Builder promptTokensDetails(@Nullable PromptTokensDetails promptTokensDetails) {
            this.promptTokensDetails = promptTokensDetails;
            return this;
        }

        /**
         * Sets how many output tokens were reasoning, when reported.
         * @param completionTokensDetails the details, or null for none
         * @return this builder
         */
        public Builder completionTokensDetails(@Nullable CompletionTokensDetails completionTokensDetails) {
            this.completionTokensDetails = completionTokensDetails;
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
         * Builds the chat usage.
         * @return a new ChatUsage
         */
        public ChatUsage build() {
            return new ChatUsage(this.promptTokens, this.completionTokens, this.totalTokens, this.promptTokensDetails,
                    this.completionTokensDetails, this.extra);
        }
    }
}
