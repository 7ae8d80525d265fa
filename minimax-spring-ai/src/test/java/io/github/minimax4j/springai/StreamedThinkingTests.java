package io.github.minimax4j.springai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;

import static io.github.minimax4j.springai.FakeMiniMax.sse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thinking streams as it is written: each thinking delta is a chunk with no text whose metadata carries the
 * piece under {@link MiniMaxChatModel#REASONING_DELTA}; {@code content()} never shows it.
 */
class StreamedThinkingTests {

    static final FakeMiniMax.Reply THINK_THEN_ANSWER = sse(
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_t\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"MiniMax-M3\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"The user \"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"greets me.\"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig-1\"}}",
            "{\"type\":\"content_block_stop\",\"index\":0}",
            "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}",
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo!\"}}",
            "{\"type\":\"content_block_stop\",\"index\":1}",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"input_tokens\":12,\"output_tokens\":9}}",
            "{\"type\":\"message_stop\"}");

    @RegisterExtension
    final FakeMiniMax miniMax = new FakeMiniMax();

    private final ChatClient chatClient = this.miniMax.chatClient();

    @Test
    void eachThinkingDeltaIsAChunkWithNoTextCarryingThePiece() {
        this.miniMax.replies(THINK_THEN_ANSWER);

        List<ChatResponse> chunks = this.chatClient.prompt().user("Hi").stream().chatResponse().collectList().block();

        assertThat(chunks).extracting((chunk) -> chunk.getResult().getOutput().getText())
            .containsExactly("", "", "Hel", "lo!", "");
        assertThat(chunks).extracting((chunk) -> chunk.getResult().getOutput().getMetadata()
            .get(MiniMaxChatModel.REASONING_DELTA)).containsExactly("The user ", "greets me.", null, null, "");
        ChatResponse last = chunks.get(chunks.size() - 1);
        assertThat(last.getResult().getOutput().getMetadata().get(MiniMaxChatModel.REASONING_CONTENT))
            .isEqualTo("The user greets me.");
    }

    @Test
    void contentNeverShowsTheThinking() {
        this.miniMax.replies(THINK_THEN_ANSWER);

        List<String> content = this.chatClient.prompt().user("Hi").stream().content().collectList().block();

        assertThat(content).containsExactly("Hel", "lo!");
    }

    @Test
    void thinkingReachesTheSubscriberAsItArrivesNotAtTheEnd() {
        this.miniMax.replies(THINK_THEN_ANSWER.paced(150));
        List<Long> thinkingArrivals = new CopyOnWriteArrayList<>();

        this.chatClient.prompt().user("Hi").stream().chatResponse()
            .doOnNext((chunk) -> {
                if (chunk.getResult().getOutput().getMetadata().get(MiniMaxChatModel.REASONING_DELTA) instanceof String
                        piece && !piece.isEmpty()) {
                    thinkingArrivals.add(System.nanoTime());
                }
            })
            .blockLast();
        long end = System.nanoTime();

        assertThat(thinkingArrivals).hasSize(2);
        // 12 events 150 ms apart: the first thinking piece (event 3) comes ~1.3 s before the stream ends
        assertThat(Duration.ofNanos(end - thinkingArrivals.get(0))).as("first thinking piece well before the end")
            .isGreaterThan(Duration.ofMillis(800));
    }
}
