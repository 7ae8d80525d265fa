package io.github.minimax4j.client;

import java.util.List;

import io.github.minimax4j.openai.ThinkSplitter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code <think>} splitting, whole and piece by piece, wherever the chunk boundaries fall. */
class ThinkSplitterTests {

    private static final String CONTENT = "<think>\nweigh the options\n</think>\n\nThe answer is 42.";

    @Test
    void splitsAThinkBlockOffTheStart() {
        ThinkSplitter.Piece split = ThinkSplitter.split(CONTENT);
        assertThat(split.reasoning()).isEqualTo("\nweigh the options\n");
        assertThat(split.visible()).isEqualTo("The answer is 42.");
    }

    @Test
    void leavesContentWithoutAThinkBlockAlone() {
        assertThat(ThinkSplitter.split("Plain <think> in the middle stays.").visible())
            .isEqualTo("Plain <think> in the middle stays.");
        assertThat(ThinkSplitter.split("Plain").reasoning()).isEmpty();
        assertThat(ThinkSplitter.split("<thi").visible()).isEqualTo("<thi");
    }

    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = { 1, 2, 3, 5, 7, 11 })
    void givesTheSameSplitWhateverTheChunkBoundaries(int size) {
        ThinkSplitter splitter = new ThinkSplitter();
        StringBuilder reasoning = new StringBuilder();
        StringBuilder visible = new StringBuilder();
        for (int i = 0; i < CONTENT.length(); i += size) {
            ThinkSplitter.Piece piece = splitter.accept(CONTENT.substring(i, Math.min(CONTENT.length(), i + size)));
            reasoning.append(piece.reasoning());
            visible.append(piece.visible());
            assertThat(visible.toString()).doesNotContain("<", "think");
        }
        ThinkSplitter.Piece last = splitter.finish();
        reasoning.append(last.reasoning());
        visible.append(last.visible());
        assertThat(reasoning).hasToString("\nweigh the options\n");
        assertThat(visible).hasToString("The answer is 42.");
    }

    @Test
    void anUnclosedThinkBlockIsAllReasoning() {
        ThinkSplitter splitter = new ThinkSplitter();
        List<ThinkSplitter.Piece> pieces = List.of(splitter.accept("<think>still thinking </th"), splitter.finish());
        assertThat(pieces.get(0).reasoning() + pieces.get(1).reasoning()).isEqualTo("still thinking </th");
        assertThat(pieces.get(0).visible() + pieces.get(1).visible()).isEmpty();
    }
}
