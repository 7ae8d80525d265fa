package io.github.minimax4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.minimax4j.openai.ChatChoice;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ToolCall;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Replays recorded {@code chat.completion.chunk} streams (fixtures in the openai resources) into the completion. */
class ChatCompletionAccumulatorTests {

    private static final String FIXTURES = "/io/github/minimax4j/openai/";

    @Test
    void aThinkStreamBecomesACompletionWithCleanContentReasoningAndTheFinalUsage() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        for (ChatCompletionChunk chunk : chunks("stream-think.sse")) {
            assertThat(accumulator.accumulate(chunk)).isSameAs(chunk);
        }

        ChatCompletion completion = accumulator.completion();
        assertThat(completion.id()).isEqualTo("0660d1c2a8f");
        assertThat(completion.model()).isEqualTo("MiniMax-M3");
        assertThat(completion.created()).isEqualTo(1780154600L);
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.message().rawContent())
            .isEqualTo("<think>\nThe user wants the capital of France.\n</think>\n\nThe capital of France is Paris.");
        assertThat(completion.content()).isEqualTo("The capital of France is Paris.");
        assertThat(completion.reasoning()).isEqualTo("The user wants the capital of France.");
        assertThat(completion.usage().totalTokens()).isEqualTo(57);
        assertThat(completion.usage().promptTokens()).isEqualTo(40);
        assertThat(completion.usage().completionTokens()).isEqualTo(17);
        assertThat(completion.usage().promptTokensDetails().cachedTokens()).isEqualTo(32);
        assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(9);
        assertThat(completion.inputSensitive()).isFalse();
    }

    @Test
    void theReplyIsFinishedAtItsFinishReasonAndTheUsageChunkFollows() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        List<Boolean> finished = new ArrayList<>();
        List<Boolean> hasUsage = new ArrayList<>();
        for (ChatCompletionChunk chunk : chunks("stream-think.sse")) {
            accumulator.accumulate(chunk);
            finished.add(accumulator.isFinished());
            hasUsage.add(accumulator.usage() != null);
        }
        assertThat(finished).containsExactly(false, false, false, false, false, true, true);
        assertThat(hasUsage).containsExactly(false, false, false, false, false, false, true);
    }

    @Test
    void aCompletionReadMidStreamIsRefusedNotHandedOutAsIfWhole() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        chunks("stream-think.sse").subList(0, 2).forEach(accumulator::accumulate);

        assertThatIllegalStateException().isThrownBy(accumulator::completion).withMessageContaining("finish_reason");
        assertThat(accumulator.model()).isNotNull();
        assertThat(accumulator.usage()).isNull();
        accumulator.markDone();
        assertThat(accumulator.completion().reasoning()).isEqualTo("The user wants the capital");
    }

    @Test
    void withoutContentKeepsUsageAndFinishReasonButNoText() {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.withoutContent();
        chunks("stream-think.sse").forEach(accumulator::accumulate);

        ChatCompletion completion = accumulator.completion();
        assertThat(completion.finishReason()).isEqualTo("stop");
        assertThat(completion.content()).isEmpty();
        assertThat(completion.reasoning()).isEmpty();
        assertThat(completion.usage().promptTokens()).isEqualTo(40);
        assertThat(completion.model()).isEqualTo(accumulator.model());
    }

    @Test
    void interleavedToolCallFragmentsAreAssembledByIndex() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        chunks("stream-tools-split.sse").forEach(accumulator::accumulate);

        ChatCompletion completion = accumulator.completion();
        assertThat(completion.finishReason()).isEqualTo("tool_calls");
        assertThat(completion.toolCalls()).containsExactly(
                ToolCall.of("call_paris", "get_weather", "{\"city\": \"Paris\"}"),
                ToolCall.of("call_rome", "get_weather", "{\"city\": \"Rome\"}"));
        assertThat(completion.content()).isEmpty();
        assertThat(completion.usage().promptTokens()).isEqualTo(90);
        assertThat(completion.usage().completionTokens()).isEqualTo(30);
    }

    @Test
    void reasoningDetailFragmentsAreMergedIntoOneDetailWithTheWholeText() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        chunks("stream-tools-split.sse").forEach(accumulator::accumulate);

        ChatMessage message = accumulator.completion().message();
        assertThat(message.reasoningContent()).isEqualTo("Two cities: call the tool twice.");
        assertThat(message.reasoningDetails()).singleElement().satisfies((detail) -> assertThat(detail)
            .containsEntry("type", "reasoning.text")
            .containsEntry("id", "reasoning-text-1")
            .containsEntry("format", "MiniMax-response-v1")
            .containsEntry("index", 0)
            .containsEntry("text", "Two cities: call the tool twice."));
    }

    @Test
    void reasoningSentOnlyAsDetailsIsStillTheReasoning() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        accumulator.accumulate(chunk("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_details\":"
                + "[{\"type\":\"reasoning.text\",\"index\":0,\"text\":\"Look \"}]}}]}"));
        accumulator.accumulate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_details\":"
                + "[{\"index\":0,\"text\":\"closer.\"}],\"content\":\"Done.\"},\"finish_reason\":\"stop\"}]}"));

        assertThat(accumulator.completion().reasoning()).isEqualTo("Look closer.");
        assertThat(accumulator.completion().content()).isEqualTo("Done.");
    }

    @Test
    void theAssembledAssistantTurnGoesBackInTheShapeMiniMaxExpects() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        chunks("stream-tools-split.sse").forEach(accumulator::accumulate);

        JsonNode sent = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(ChatCompletionRequest.builder()
            .addAssistantMessage(accumulator.completion()).build().messages().get(0)));

        assertThat(sent.path("role").asString()).isEqualTo("assistant");
        assertThat(sent.path("tool_calls")).hasSize(2);
        assertThat(sent.path("tool_calls").get(1)).isEqualTo(Json.MAPPER.readTree("{\"id\":\"call_rome\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\": \\\"Rome\\\"}\"}}"));
        assertThat(sent.path("reasoning_details")).hasSize(1);
        assertThat(sent.path("reasoning_content").asString()).isEqualTo("Two cities: call the tool twice.");
    }

    @Test
    void choicesAreKeptApartByIndex() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        accumulator.accumulate(chunk("{\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B1 \"}},"
                + "{\"index\":0,\"delta\":{\"content\":\"A1 \"}}]}"));
        accumulator.accumulate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A2\"},"
                + "\"finish_reason\":\"stop\"},{\"index\":1,\"delta\":{\"content\":\"B2\"},\"finish_reason\":\"length\"}]}"));

        ChatCompletion completion = accumulator.completion();
        assertThat(completion.choices()).extracting(ChatChoice::index).containsExactly(0, 1);
        assertThat(completion.choices().get(0).message().rawContent()).isEqualTo("A1 A2");
        assertThat(completion.choices().get(1).message().rawContent()).isEqualTo("B1 B2");
        assertThat(completion.choices().get(1).finishReason()).isEqualTo("length");
    }

    @Test
    void contentFilterFlagsAndCategoriesAreKept() {
        ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        accumulator.accumulate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
                + "\"finish_reason\":\"stop\"}],\"input_sensitive\":false,\"output_sensitive\":true,"
                + "\"output_sensitive_type\":6}"));

        assertThat(accumulator.completion().outputSensitive()).isTrue();
        assertThat(accumulator.completion().outputSensitiveType()).isEqualTo(6);
        assertThat(accumulator.completion().inputSensitive()).isFalse();
    }

    private static ChatCompletionChunk chunk(String json) {
        return Json.MAPPER.readValue(json, ChatCompletionChunk.class);
    }

    /** The data lines of a recorded stream, up to {@code [DONE]}, as chunks. */
    private static List<ChatCompletionChunk> chunks(String fixture) {
        return Arrays.stream(read(fixture).split("\n\n"))
            .map((event) -> event.substring("data: ".length()))
            .takeWhile((data) -> !data.equals("[DONE]"))
            .map(ChatCompletionAccumulatorTests::chunk)
            .toList();
    }

    private static String read(String name) {
        try (InputStream in = ChatCompletionAccumulatorTests.class.getResourceAsStream(FIXTURES + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
