package io.github.minimax4j.client;

import java.util.ArrayList;
import java.util.List;

import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.StopReason;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.OverloadedException;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.ConnectionOptions;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code messages().stream()} over HTTP: typed events, accumulation, errors inside the stream. */
abstract class MessagesStreamScenarios extends MockServerScenarios {

    private static final MessageRequest HELLO = MessageRequest.builder().addUserMessage("Hello").build();

    /** How the scenarios stream: every scenario holds for the blocking stream and the publisher alike. */
    CallMode mode() {
        return CallMode.BLOCKING;
    }

    @Test
    void deliversTypedEventsInOrderAndAccumulatesTheFinalMessage() {
        // Small chunks: events arrive split across many reads, as they do from a real server.
        server().when(post(MESSAGES)).respond(sse(Fixtures.read("stream-thinking-text.sse"))
            .withConnectionOptions(ConnectionOptions.connectionOptions().withChunkSize(37)));
        List<String> types = new ArrayList<>();
        StringBuilder text = new StringBuilder();

        List<MessageStreamEvent> events = new ArrayList<>();
        MessageResponse message = mode().stream(client(), HELLO, RequestOptions.NONE, events);
        for (MessageStreamEvent event : events) {
            types.add(event.type());
            if (event instanceof MessageStreamEvent.ContentBlockDelta delta
                    && delta.delta() instanceof ContentDelta.TextDelta textDelta) {
                text.append(textDelta.text());
            }
        }

        assertThat(JsonMapper.shared().readTree(recorded(MESSAGES)[0].getBodyAsString()).path("stream").asBoolean())
            .isTrue();
        assertThat(types).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(text).hasToString("Hello! How can I help you today?");
        assertThat(message.id()).isEqualTo("msg_stream_1");
        assertThat(message.content()).containsExactly(
                new ThinkingBlock("The user greets me. I should greet back.",
                        "1c3a0ae890922669e9815a201f9b645abdaafe8d8b5a65a5e48f90830c6e0750"),
                new TextBlock("Hello! How can I help you today?"));
        assertThat(message.stopReason()).isEqualTo(StopReason.END_TURN);
        // Merged field by field: input and cache-read from message_start, output and cache-creation from message_delta.
        assertThat(message.usage().inputTokens()).isEqualTo(21);
        assertThat(message.usage().cacheReadInputTokens()).isEqualTo(7);
        assertThat(message.usage().outputTokens()).isEqualTo(42);
        assertThat(message.usage().cacheCreationInputTokens()).isEqualTo(3);
    }

    @Test
    void assemblesToolInputFromJsonFragments() {
        server().when(post(MESSAGES)).respond(sse(Fixtures.read("stream-tool-use.sse")));

        MessageResponse message = mode().stream(client(), HELLO);

        ToolUseBlock call = message.toolUses().get(0);
        assertThat(call.id()).isEqualTo("call_7");
        assertThat(call.input()).containsEntry("city", "Paris").containsEntry("unit", "celsius");
        assertThat(message.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(message.usage().inputTokens()).isEqualTo(80);
        assertThat(message.usage().outputTokens()).isEqualTo(19);
    }

    @Test
    void readToEndHandsOverTextDeltasAndReturnsTheMessage() {
        server().when(post(MESSAGES)).respond(sse(Fixtures.read("stream-thinking-text.sse")));
        List<String> pieces = new ArrayList<>();

        try (MessageStream stream = client().messages().stream(HELLO)) {
            MessageResponse message = stream.readToEnd(pieces::add);
            assertThat(message.text()).isEqualTo("Hello! How can I help you today?");
        }
        assertThat(pieces).containsExactly("Hello! ", "How can I help ", "you today?");
    }

    @Test
    void anErrorEventMidStreamBecomesATypedException() {
        String body = Fixtures.read("stream-thinking-text.sse").split("event: content_block_start")[0]
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        server().when(post(MESSAGES)).respond(sse(body));

        assertThatExceptionOfType(OverloadedException.class).isThrownBy(() -> mode().stream(client(), HELLO))
            .withMessageContaining("overloaded_error").withMessageContaining("Overloaded").withMessageContaining("retry");
    }

    @Test
    void aStreamThatEndsWithoutMessageStopFailsInsteadOfReturningAPartialMessage() {
        String body = Fixtures.read("stream-thinking-text.sse").split("event: message_delta")[0];
        server().when(post(MESSAGES)).respond(sse(body));

        assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> mode().stream(client(), HELLO))
            .withMessageContaining("ended before message_stop");
    }

    @Test
    void aJsonErrorAnsweringAStreamRequestIsThrownBeforeAnyEvent() {
        server().when(post(MESSAGES)).respond(json(200, "{\"base_resp\":{\"status_code\":1004,\"status_msg\":\"login fail\"}}"));

        assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> mode().stream(client(), HELLO))
            .withMessageContaining("1004").withMessageContaining("minimax.api-key");
    }

    @Test
    void retriesAStreamThatFailsBeforeItsFirstEvent() {
        server().when(post(MESSAGES), Times.once()).respond(json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}"));
        server().when(post(MESSAGES)).respond(sse(Fixtures.read("stream-thinking-text.sse")));

        assertThat(mode().stream(client(), HELLO).text()).isEqualTo("Hello! How can I help you today?");
        assertThat(recorded(MESSAGES)).hasSize(2);
    }
}
