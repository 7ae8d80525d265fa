package io.github.minimax4j.client;

import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.openai.ChatUsage;
import org.jspecify.annotations.Nullable;

/**
 * Converts each API's usage into the {@link TokenUsage} both share, for metrics: the wire model stays free of
 * metrics types.
 */
final class UsageMeters {

    private UsageMeters() {
    }

    /** A Messages usage (null: nothing reported). */
    static TokenUsage of(@Nullable Usage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        return TokenUsage.builder()
            .inputTokens(usage.inputTokens())
            .outputTokens(usage.outputTokens())
            .cacheReadInputTokens(usage.cacheReadInputTokens())
            .cacheCreationInputTokens(usage.cacheCreationInputTokens())
            .build();
    }

    /** A Chat Completions usage (null: nothing reported): uncached input = prompt − cached. */
    static TokenUsage of(@Nullable ChatUsage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long cached = usage.cachedTokens();
        return TokenUsage.builder()
            .inputTokens(usage.promptTokens() - cached)
            .outputTokens(usage.completionTokens())
            .cacheReadInputTokens(cached)
            .reasoningOutputTokens(usage.reasoningTokens())
            .build();
    }
}
