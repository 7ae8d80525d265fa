package io.github.minimax4j.openai;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(ThinkSplitter.split("<b>bold</b>").visible()).isEqualTo("<b>bold</b>");
        assertThat(ThinkSplitter.split(null)).isEqualTo(new ThinkSplitter.Piece("", ""));
    }

    @Test
    void whitespaceBeforeTheOpeningTagAndAnEmptyBlockAreHandled() {
        assertThat(ThinkSplitter.split("\n  <think>r</think>v")).isEqualTo(new ThinkSplitter.Piece("r", "v"));
        assertThat(ThinkSplitter.split("<think></think>\nHi")).isEqualTo(new ThinkSplitter.Piece("", "Hi"));
    }

    @Test
    void onlyTheLeadingBlockIsReasoningLaterTagsStayVisible() {
        ThinkSplitter.Piece split = ThinkSplitter.split("<think>a</think>Use <think> and </think> tags.");
        assertThat(split.reasoning()).isEqualTo("a");
        assertThat(split.visible()).isEqualTo("Use <think> and </think> tags.");
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
            assertThat(reasoning.toString()).doesNotContain("<", "think>");
        }
        ThinkSplitter.Piece last = splitter.finish();
        reasoning.append(last.reasoning());
        visible.append(last.visible());
        assertThat(reasoning).hasToString("\nweigh the options\n");
        assertThat(visible).hasToString("The answer is 42.");
    }

    @Test
    void everyPairOfCutPointsGivesTheWholeSplit() {
        ThinkSplitter.Piece whole = ThinkSplitter.split(CONTENT);
        for (int first = 0; first <= CONTENT.length(); first++) {
            for (int second = first; second <= CONTENT.length(); second++) {
                List<String> pieces = List.of(CONTENT.substring(0, first), CONTENT.substring(first, second),
                        CONTENT.substring(second));
                assertThat(feed(pieces)).as("cut at %d and %d", first, second).isEqualTo(whole);
            }
        }
    }

    @Test
    void visibleTextIsReleasedAsSoonAsItCannotBeATag() {
        ThinkSplitter splitter = new ThinkSplitter();
        assertThat(splitter.accept("<th").visible()).isEmpty();
        assertThat(splitter.accept("e answer").visible()).isEqualTo("<the answer");
        assertThat(splitter.accept(" goes on").visible()).isEqualTo(" goes on");
    }

    @Test
    void reasoningIsReleasedAsItArrivesHoldingBackOnlyAPossibleClosingTag() {
        ThinkSplitter splitter = new ThinkSplitter();
        assertThat(splitter.accept("<think>step one").reasoning()).isEqualTo("step one");
        assertThat(splitter.accept(", two </thi").reasoning()).isEqualTo(", two ");
        ThinkSplitter.Piece closing = splitter.accept("nk>Done.");
        assertThat(closing).isEqualTo(new ThinkSplitter.Piece("", "Done."));
    }

    @Test
    void anUnclosedThinkBlockIsAllReasoning() {
        ThinkSplitter splitter = new ThinkSplitter();
        List<ThinkSplitter.Piece> pieces = List.of(splitter.accept("<think>still thinking </th"), splitter.finish());
        assertThat(pieces.get(0).reasoning() + pieces.get(1).reasoning()).isEqualTo("still thinking </th");
        assertThat(pieces.get(0).visible() + pieces.get(1).visible()).isEmpty();
    }

    private static ThinkSplitter.Piece feed(List<String> pieces) {
        ThinkSplitter splitter = new ThinkSplitter();
        List<ThinkSplitter.Piece> out = new ArrayList<>();
        pieces.forEach((piece) -> out.add(splitter.accept(piece)));
        out.add(splitter.finish());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder visible = new StringBuilder();
        out.forEach((piece) -> {
            reasoning.append(piece.reasoning());
            visible.append(piece.visible());
        });
        return new ThinkSplitter.Piece(reasoning.toString(), visible.toString());
    }
}
