package io.github.minimax4j.anthropic;

import java.util.OptionalInt;

import io.github.minimax4j.client.MiniMaxJson;
import io.github.minimax4j.openai.ChatUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A count MiniMax reported as 0 is told apart from one it did not send, and each is written back as it came. */
class UsageReportedTests {

    @Test
    void aReportedZeroIsZeroAndAnAbsentCountIsEmpty() {
        String json = "{\"input_tokens\":12,\"output_tokens\":9,\"cache_creation_input_tokens\":0}";

        Usage usage = MiniMaxJson.read(json, Usage.class);

        assertThat(usage.reportedCacheCreationInputTokens()).isEqualTo(OptionalInt.of(0));
        assertThat(usage.reportedCacheReadInputTokens()).isEqualTo(OptionalInt.empty());
        assertThat(usage.cacheReadInputTokens()).as("the int accessor still reads 0").isZero();
        assertThat(usage.reportedInputTokens()).isEqualTo(OptionalInt.of(12));
        assertThat(usage.totalInputTokens()).isEqualTo(12);
        assertThat(MiniMaxJson.write(usage)).isEqualTo(json);
    }

    @Test
    void aStreamsLaterReportKeepsCountsItDoesNotRepeat() {
        Usage start = MiniMaxJson.read("{\"input_tokens\":12,\"output_tokens\":1,\"cache_read_input_tokens\":0,"
                + "\"cache_creation_input_tokens\":7}", Usage.class);
        Usage delta = MiniMaxJson.read("{\"output_tokens\":9,\"cache_creation_input_tokens\":0}", Usage.class);

        Usage merged = start.merge(delta);

        assertThat(merged.reportedInputTokens()).isEqualTo(OptionalInt.of(12));
        assertThat(merged.reportedOutputTokens()).isEqualTo(OptionalInt.of(9));
        assertThat(merged.reportedCacheReadInputTokens()).isEqualTo(OptionalInt.of(0));
        assertThat(merged.reportedCacheCreationInputTokens()).as("a later 0 does not erase an earlier count")
            .isEqualTo(OptionalInt.of(7));
        assertThat(Usage.of(3, 4).reportedCacheReadInputTokens()).isEmpty();
        assertThat(Usage.builder().cacheReadInputTokens(0).build().reportedCacheReadInputTokens())
            .isEqualTo(OptionalInt.of(0));
    }

    @Test
    void chatUsageTellsAReportedZeroFromAnAbsentCount() {
        ChatUsage usage = MiniMaxJson.read("{\"prompt_tokens\":0,\"completion_tokens\":5}", ChatUsage.class);

        assertThat(usage.reportedPromptTokens()).isEqualTo(OptionalInt.of(0));
        assertThat(usage.reportedTotalTokens()).isEmpty();
        assertThat(usage.totalTokens()).isZero();
        assertThat(usage.reportedCachedTokens()).isEmpty();
        assertThat(MiniMaxJson.read("{\"prompt_tokens\":9,\"prompt_tokens_details\":{\"cached_tokens\":0}}",
                ChatUsage.class).reportedCachedTokens()).isEqualTo(OptionalInt.of(0));
        assertThat(MiniMaxJson.write(usage)).isEqualTo("{\"prompt_tokens\":0,\"completion_tokens\":5}");
    }
}
