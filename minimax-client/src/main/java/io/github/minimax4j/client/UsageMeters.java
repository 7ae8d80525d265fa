package io.github.minimax4j.client;

import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.openai.ChatUsage;
import org.jspecify.annotations.Nullable;

/**
 * Converts each API's usage into the {@link TokenUsage} both share, for metrics: the wire model stays free of
 * metrics types. Reads counts through {@link Number} so it holds whether they are {@code Integer} or {@code int}.
 */
final class UsageMeters {

    private UsageMeters() {
    }

    /** A Messages usage (null: nothing reported). */
    static TokenUsage of(@Nullable Usage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        return new TokenUsage(count(usage.inputTokens()), count(usage.outputTokens()),
                count(usage.cacheReadInputTokens()), count(usage.cacheCreationInputTokens()), 0);
    }

    /** A Chat Completions usage (null: nothing reported): uncached input = prompt − cached. */
    static TokenUsage of(@Nullable ChatUsage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long cached = (usage.promptTokensDetails() != null) ? count(usage.promptTokensDetails().cachedTokens()) : 0;
        long reasoning = (usage.completionTokensDetails() != null)
                ? count(usage.completionTokensDetails().reasoningTokens()) : 0;
        return new TokenUsage(count(usage.promptTokens()) - cached, count(usage.completionTokens()), cached, 0,
                reasoning);
    }

    private static long count(@Nullable Number value) {
        return (value != null) ? value.longValue() : 0;
    }
}
