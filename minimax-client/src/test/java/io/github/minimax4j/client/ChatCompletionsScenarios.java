package io.github.minimax4j.client;

import io.github.minimax4j.observation.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.InvalidRequestException;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.OverloadedException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.SensitiveContentException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatTool;
import io.github.minimax4j.openai.ContentPart;
import io.github.minimax4j.openai.ToolCall;
import org.junit.jupiter.api.Test;
import org.mockserver.matchers.Times;
import org.mockserver.model.ConnectionOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code chatCompletions()} over HTTP: the reference exchange, think splitting, streams, tools, errors. */
abstract class ChatCompletionsScenarios extends MockServerScenarios {

    static final String CHAT = "/v1/chat/completions";

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final ChatCompletionRequest HELLO = ChatCompletionRequest.builder().addUserMessage("Hello").build();

    @Test
    void sendsTheReferenceRequestExactlyAndSplitsThinkOutOfTheReferenceReply() {
        server().when(post(CHAT)).respond(json(200, Fixtures.read("chat-image-response.json")));

        ChatCompletion reply = client().chatCompletions().create(ChatCompletionRequest.builder()
            .model(Model.MINIMAX_M3)
            .thinking(ThinkingMode.ADAPTIVE)
            .addUserMessage(List.of(ContentPart.text("What does this image show?"), ContentPart.imageUrl(
                    "https://filecdn.minimax.chat/public/fe9d04da-f60e-444d-a2e0-18ae743add33.jpeg")))
            .maxCompletionTokens(500)
            .build());

        assertThat(JSON.readTree(recorded(CHAT)[0].getBodyAsString()))
            .isEqualTo(JSON.readTree(Fixtures.read("chat-image-request.json")));
        assertThat(recorded(CHAT)[0].getFirstHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(reply.id()).isEqualTo("066a33a7d290378f8a9e57a055812afa");
        assertThat(reply.created()).isEqualTo(1780154535L);
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.reasoning()).startsWith("The user is asking me to describe an image.")
            .doesNotContain("<think>");
        assertThat(reply.content()).startsWith("This image is a warm, softly-lit portrait").doesNotContain("</think>");
        assertThat(reply.message().rawContent()).startsWith("<think>\nThe user is asking");
        assertThat(reply.usage().promptTokens()).isEqualTo(1366);
        assertThat(reply.usage().promptTokensDetails().cachedTokens()).isEqualTo(114);
        assertThat(UsageMeters.of(reply.usage()).totalInputTokens()).isEqualTo(1366);
        assertThat(reply.usage().extra()).containsEntry("total_characters", 0);
        assertThat(reply.inputSensitive()).isFalse();
        assertThat(reply.outputSensitiveType()).isZero();
        assertThat(reply.baseResp().statusCode()).isZero();
        assertThat(reply.message().extra()).containsEntry("audio_content", "");
    }

    @Test
    void withReasoningSplitTheReasoningFieldsAreReadAndContentIsClean() {
        server().when(post(CHAT)).respond(json(200, """
                {"id":"c2","object":"chat.completion","created":1,"model":"MiniMax-M2.7","choices":[{"index":0,
                 "finish_reason":"stop","message":{"role":"assistant","content":"Hi there.",
                 "reasoning_content":"Greet back.","reasoning_details":[{"type":"reasoning.text","id":"r1",
                 "format":"MiniMax-response-v1","index":0,"text":"Greet back."}]}}],
                 "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13},"base_resp":{"status_code":0}}"""));

        ChatCompletion reply = client().chatCompletions().create(HELLO.toBuilder().reasoningSplit(true).build());

        assertThat(JSON.readTree(recorded(CHAT)[0].getBodyAsString()).path("reasoning_split").asBoolean()).isTrue();
        assertThat(reply.content()).isEqualTo("Hi there.");
        assertThat(reply.reasoning()).isEqualTo("Greet back.");
        assertThat(reply.message().reasoningDetails()).singleElement()
            .satisfies((detail) -> assertThat(detail).containsEntry("type", "reasoning.text"));
    }

    @Test
    void deprecatedMaxTokensIsSentAsMaxCompletionTokens() {
        server().when(post(CHAT)).respond(json(200, Fixtures.read("chat-image-response.json")));

        @SuppressWarnings("deprecation")
        ChatCompletionRequest request = HELLO.toBuilder().maxTokens(321).build();
        client().chatCompletions().create(request);

        JsonNode sent = JSON.readTree(recorded(CHAT)[0].getBodyAsString());
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(321);
        assertThat(sent.has("max_tokens")).isFalse();
    }

    @Test
    void aStreamSplitsThinkTagsThatSpanChunksAndEndsWithUsage() {
        server().when(post(CHAT)).respond(sse(Fixtures.read("chat-stream-think.sse"))
            .withConnectionOptions(ConnectionOptions.connectionOptions().withChunkSize(50)));
        List<String> visible = new ArrayList<>();
        List<String> reasoning = new ArrayList<>();

        ChatCompletion reply;
        try (ChatCompletionStream stream = client().chatCompletions().stream(HELLO)) {
            reply = stream.readToEnd(visible::add, reasoning::add);
        }

        JsonNode sent = JSON.readTree(recorded(CHAT)[0].getBodyAsString());
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(String.join("", visible)).isEqualTo("Hello there!");
        assertThat(String.join("", reasoning).strip()).isEqualTo("The user greets. Be kind.");
        assertThat(visible).hasSizeGreaterThan(1);
        assertThat(reply.content()).isEqualTo("Hello there!");
        assertThat(reply.reasoning()).isEqualTo("The user greets. Be kind.");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage().totalTokens()).isEqualTo(42);
        assertThat(UsageMeters.of(reply.usage())).isEqualTo(TokenUsage.builder()
            .inputTokens(20)
            .outputTokens(12)
            .cacheReadInputTokens(10)
            .build());
    }

    @Test
    void aStreamWithReasoningSplitDeliversReasoningApart() {
        server().when(post(CHAT)).respond(sse(Fixtures.read("chat-stream-split.sse")));
        StringBuilder reasoning = new StringBuilder();

        try (ChatCompletionStream stream = client().chatCompletions().stream(HELLO.toBuilder().reasoningSplit(true).build())) {
            ChatCompletion reply = stream.readToEnd((text) -> {
            }, reasoning::append);
            assertThat(reply.content()).isEqualTo("Answer.");
            assertThat(reply.reasoning()).isEqualTo("Thinking about it.");
        }
        assertThat(reasoning).hasToString("Thinking about it.");
    }

    @Test
    void toolCallRoundTripAssemblesArgumentsAndSendsTheAssistantTurnBack() {
        server().when(post(CHAT), Times.once()).respond(sse(Fixtures.read("chat-stream-tools.sse")));
        server().when(post(CHAT)).respond(json(200, Fixtures.read("chat-image-response.json")));
        ChatCompletionRequest first = HELLO.toBuilder().addTool(ChatTool.function("get_weather", "Weather",
                Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))).build();

        ChatCompletion call;
        try (ChatCompletionStream stream = client().chatCompletions().stream(first)) {
            call = stream.finalCompletion();
        }
        ToolCall toolCall = call.toolCalls().get(0);
        client().chatCompletions().create(first.toBuilder().addAssistantMessage(call)
            .addToolResult(toolCall.id(), "18°C").build());

        assertThat(call.finishReason()).isEqualTo("tool_calls");
        assertThat(toolCall.id()).isEqualTo("call_9");
        assertThat(toolCall.function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(toolCall.function().arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        JsonNode second = JSON.readTree(recorded(CHAT)[1].getBodyAsString());
        assertThat(second.path("tools").get(0).path("function").path("name").asString()).isEqualTo("get_weather");
        JsonNode assistant = second.path("messages").get(1);
        assertThat(assistant.path("role").asString()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls").get(0).path("id").asString()).isEqualTo("call_9");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asString())
            .isEqualTo("{\"city\": \"Paris\"}");
        assertThat(second.path("messages").get(2)).isEqualTo(JSON.readTree(
                "{\"role\":\"tool\",\"content\":\"18°C\",\"tool_call_id\":\"call_9\"}"));
    }

    @Test
    void baseRespErrorsInsideHttp200AreTyped() {
        server().when(post(CHAT)).respond(json(200, "{\"id\":\"\",\"choices\":null,\"base_resp\":{\"status_code\":1004,"
                + "\"status_msg\":\"login fail: Please carry the API secret key\"}}"));

        assertThatExceptionOfType(AuthenticationException.class)
            .isThrownBy(() -> client().chatCompletions().create(HELLO)).withMessageContaining("1004");
    }

    @Test
    void aBlankedReplyWithASensitiveFlagIsAnErrorNotAnEmptyString() {
        server().when(post(CHAT)).respond(json(200, "{\"id\":\"c\",\"created\":1,\"model\":\"MiniMax-M3\",\"choices\":"
                + "[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"\"}}],"
                + "\"input_sensitive\":true,\"input_sensitive_type\":5,\"output_sensitive\":false,"
                + "\"base_resp\":{\"status_code\":0}}"));

        assertThatExceptionOfType(SensitiveContentException.class)
            .isThrownBy(() -> client().chatCompletions().create(HELLO))
            .withMessageContaining("input").withMessageContaining("category 5");
    }

    @Test
    void httpErrorsUseTheSameTypedHierarchyAndRetries() {
        server().when(post(CHAT), Times.once()).respond(json(529, "{\"error\":{\"message\":\"busy\"}}"));
        server().when(post(CHAT)).respond(json(429, "{\"error\":{\"message\":\"too many\",\"type\":\"rate_limit\"},"
                + "\"base_resp\":{\"status_code\":1002}}"));

        assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> client().chatCompletions().create(HELLO))
            .withMessageContaining("too many");
        assertThat(recorded(CHAT)).hasSize(3);
    }

    @Test
    void anErrorInsideTheStreamIsTyped() {
        server().when(post(CHAT)).respond(sse(Fixtures.read("chat-stream-think.sse").split("\n\n")[0] + "\n\n"
                + "data: {\"error\":{\"type\":\"overloaded_error\",\"message\":\"overloaded\"}}\n\n"));

        try (ChatCompletionStream stream = client().chatCompletions().stream(HELLO)) {
            assertThatExceptionOfType(OverloadedException.class).isThrownBy(stream::finalCompletion);
        }
    }

    @Test
    void aStreamCutBeforeAnyFinishReasonIsMalformed() {
        String[] events = Fixtures.read("chat-stream-think.sse").split("\n\n");
        server().when(post(CHAT)).respond(sse(events[0] + "\n\n" + events[1] + "\n\n"));

        try (ChatCompletionStream stream = client().chatCompletions().stream(HELLO)) {
            assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(stream::finalCompletion)
                .withMessageContaining("finish_reason");
        }
    }

    @Test
    void invalidRequestsFailBeforeSending() {
        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> client().chatCompletions()
            .create(ChatCompletionRequest.builder().model(Model.MINIMAX_M2_5)
                .addUserMessage(List.of(ContentPart.imageUrl("https://x/y.png"))).build()))
            .withMessageContaining("MiniMax-M2.5").withMessageContaining("image");
        assertThatExceptionOfType(InvalidRequestException.class)
            .isThrownBy(() -> client().chatCompletions().create(ChatCompletionRequest.builder().build()));
        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> client().chatCompletions()
            .create(HELLO.toBuilder().temperature(2.5).build())).withMessageContaining("temperature");
        assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> client().chatCompletions()
            .create(HELLO.toBuilder().addToolResult(" ", "x").build())).withMessageContaining("tool_call_id");
        assertThat(recorded(CHAT)).isEmpty();
    }
}
