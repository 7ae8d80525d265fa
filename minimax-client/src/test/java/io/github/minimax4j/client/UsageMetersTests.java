package io.github.minimax4j.client;

import java.util.Map;

import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.openai.ChatUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Both APIs' usage in the one form meters read. */
class UsageMetersTests {

    @Test
    void messagesUsageKeepsEachCountAndAbsentMeansNone() {
        Usage usage = new Usage(12, 34, 5, 6, Map.of());
        assertThat(UsageMeters.of(usage)).isEqualTo(new TokenUsage(12, 34, 6, 5, 0));
        assertThat(UsageMeters.of(usage).totalInputTokens()).isEqualTo(23);
        assertThat(UsageMeters.of((Usage) null)).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void chatUsageSplitsCachedFromUncachedInputAndKeepsReasoning() {
        ChatUsage usage = new ChatUsage(40, 17, 57, new ChatUsage.PromptTokensDetails(32),
                new ChatUsage.CompletionTokensDetails(9), Map.of());
        assertThat(UsageMeters.of(usage)).isEqualTo(new TokenUsage(8, 17, 32, 0, 9));
        assertThat(UsageMeters.of(usage).totalInputTokens()).isEqualTo(40);
        assertThat(UsageMeters.of((ChatUsage) null)).isEqualTo(TokenUsage.NONE);
    }
}
