package io.github.minimax4j.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a chat completion used; a count the server did not send is 0.
 *
 * @param promptTokens all input tokens, cached ones included
 * @param completionTokens output tokens, reasoning included
 * @param totalTokens prompt plus completion
 * @param promptTokensDetails how many input tokens came from the cache, when reported
 * @param completionTokensDetails how many output tokens were reasoning, when reported
 * @param extra other fields (MiniMax sends {@code total_characters}), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatUsage(int promptTokens, int completionTokens, int totalTokens,
        @Nullable PromptTokensDetails promptTokensDetails, @Nullable CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * Copies the extra fields, keeping their order.
     * @param promptTokens all input tokens
     * @param completionTokens output tokens
     * @param totalTokens prompt plus completion
     * @param promptTokensDetails cache details
     * @param completionTokensDetails reasoning details
     * @param extra other fields
     */
    public ChatUsage {
        extra = JsonMaps.copyOf(extra);
    }

    /**
     * Input tokens read from the cache.
     * @return {@code prompt_tokens_details.cached_tokens}, 0 when absent
     */
    public int cachedTokens() {
        return (this.promptTokensDetails != null) ? this.promptTokensDetails.cachedTokens() : 0;
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
}
