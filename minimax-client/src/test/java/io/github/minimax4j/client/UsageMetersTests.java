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
        Usage usage = Usage.builder()
            .inputTokens(12)
            .outputTokens(34)
            .cacheCreationInputTokens(5)
            .cacheReadInputTokens(6)
            .build();
        assertThat(UsageMeters.of(usage)).isEqualTo(TokenUsage.builder()
            .inputTokens(12)
            .outputTokens(34)
            .cacheReadInputTokens(6)
            .cacheCreationInputTokens(5)
            .build());
        assertThat(UsageMeters.of(usage).totalInputTokens()).isEqualTo(23);
        assertThat(UsageMeters.of((Usage) null)).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void chatUsageSplitsCachedFromUncachedInputAndKeepsReasoning() {
        ChatUsage usage = ChatUsage.builder()
            .promptTokens(40)
            .completionTokens(17)
            .totalTokens(57)
            .promptTokensDetails(new ChatUsage.PromptTokensDetails(32))
            .completionTokensDetails(new ChatUsage.CompletionTokensDetails(9))
            .build();
        assertThat(UsageMeters.of(usage)).isEqualTo(TokenUsage.builder()
            .inputTokens(8)
            .outputTokens(17)
            .cacheReadInputTokens(32)
            .reasoningOutputTokens(9)
            .build());
        assertThat(UsageMeters.of(usage).totalInputTokens()).isEqualTo(40);
        assertThat(UsageMeters.of((ChatUsage) null)).isEqualTo(TokenUsage.NONE);
    }
}
