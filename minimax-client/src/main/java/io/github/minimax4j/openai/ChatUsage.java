package io.github.minimax4j.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a chat completion used.
 *
 * @param promptTokens all input tokens, cached ones included
 * @param completionTokens output tokens, reasoning included
 * @param totalTokens prompt plus completion
 * @param promptTokensDetails how many input tokens came from the cache
 * @param completionTokensDetails how many output tokens were reasoning, where reported
 * @param extra other fields (MiniMax sends {@code total_characters}), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatUsage(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
        @Nullable Integer totalTokens, @Nullable PromptTokensDetails promptTokensDetails,
        @Nullable CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ChatUsage {
        extra = (extra == null || extra.isEmpty()) ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /**
     * @param cachedTokens input tokens read from the cache
     */
    public record PromptTokensDetails(@Nullable Integer cachedTokens) {
    }

    /**
     * @param reasoningTokens output tokens spent on reasoning
     */
    public record CompletionTokensDetails(@Nullable Integer reasoningTokens) {
    }
}
