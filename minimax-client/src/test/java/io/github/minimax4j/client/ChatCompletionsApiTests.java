package io.github.minimax4j.client;

import io.github.minimax4j.observation.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.MalformedResponseException;
import io.github.minimax4j.error.MiniMaxApiException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.SensitiveContentException;
import io.github.minimax4j.error.ServerException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ContentPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.minimax4j.client.MockServerScenarios.json;
import static io.github.minimax4j.client.MockServerScenarios.post;
import static io.github.minimax4j.client.MockServerScenarios.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code chatCompletions()} over HTTP, beyond the shared scenarios: what the observer SPI sees (api
 * {@code chat_completions}, cached and reasoning tokens), request defaults, how a stream may end, and each error
 * path: {@code base_resp} codes in an HTTP 200, blanked replies, bodies that are not what they claim, HTTP errors
 * with the key echoed back. Fixtures: src/test/resources/io/github/minimax4j/openai.
 */
class ChatCompletionsApiTests {

    /** What the observer gets from the usage the replies report: 40 prompt tokens of which 32 cached, 9 reasoning. */
    private static final TokenUsage REPORTED_USAGE = TokenUsage.builder()
        .inputTokens(8)
        .outputTokens(17)
        .cacheReadInputTokens(32)
        .reasoningOutputTokens(9)
        .build();

    private static final String API_KEY = "mm-chat-key-7d3e9b01";

    private static final String CHAT = "/v1/chat/completions";

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final ChatCompletionRequest HELLO = ChatCompletionRequest.builder().addUserMessage("Hello").build();

    private static ClientAndServer server;

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = ClientAndServer.startClientAndServer(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void aReplyFeedsTheObserverWithApiChatCompletionsAndPromptTokensSplitIntoUncachedAndCached() {
        server.when(post(CHAT)).respond(json(200, reply("\"Paris.\"", "\"usage\":{\"prompt_tokens\":40,"
                + "\"completion_tokens\":17,\"total_tokens\":57,\"prompt_tokens_details\":{\"cached_tokens\":32},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":9}}")));

        client(RetryPolicy.none()).chatCompletions().create(HELLO);

        assertThat(this.seen).containsExactly("start chat_completions chat MiniMax-M3 false",
                "success MiniMax-M3 " + REPORTED_USAGE);
    }

    @Test
    void aStreamFeedsTheObserverOnceWithTheFinalUsageChunk() {
        server.when(post(CHAT)).respond(sse(fixture("stream-think.sse")));

        try (ChatCompletionStream stream = client(RetryPolicy.none()).chatCompletions().stream(HELLO)) {
            ChatCompletion reply = stream.finalCompletion();
            assertThat(reply.content()).isEqualTo("The capital of France is Paris.");
            assertThat(reply.reasoning()).isEqualTo("The user wants the capital of France.");
        }

        assertThat(this.seen).containsExactly("start chat_completions chat MiniMax-M3 true", "first-chunk",
                "success MiniMax-M3 " + REPORTED_USAGE);
    }

    @Test
    void aFailedCallReachesTheObserverAsItsTypedError() {
        server.when(post(CHAT)).respond(json(200, "{\"base_resp\":{\"status_code\":1008,\"status_msg\":"
                + "\"insufficient balance\"}}"));

        assertThatExceptionOfType(InsufficientBalanceException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).chatCompletions().create(HELLO));
        assertThat(this.seen).containsExactly("start chat_completions chat MiniMax-M3 false",
                "failure InsufficientBalanceException");
    }

    @Test
    void theClientsDefaultsFillWhatTheRequestLeavesOutAndTheRequestWins() {
        server.when(post(CHAT)).respond(json(200, reply("\"ok\"", "")));
        MiniMaxClient client = builder(RetryPolicy.none())
            .defaults(RequestDefaults.builder()
                .model(Model.MINIMAX_M2_7)
                .maxTokens(2048)
                .temperature(0.7)
                .topP(0.9)
                .thinking(ThinkingMode.DISABLED)
                .build())
            .build();

        client.chatCompletions().create(HELLO);
        client.chatCompletions().create(HELLO.toBuilder().model(Model.MINIMAX_M3).maxCompletionTokens(64)
            .temperature(0.0).thinking(ThinkingMode.ADAPTIVE).build());

        JsonNode first = sent(0);
        assertThat(first.path("model").asString()).isEqualTo("MiniMax-M2.7");
        assertThat(first.path("max_completion_tokens").asInt()).isEqualTo(2048);
        assertThat(first.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(first.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(first.path("thinking").path("type").asString()).isEqualTo("disabled");
        assertThat(first.has("stream")).isFalse();
        JsonNode second = sent(1);
        assertThat(second.path("model").asString()).isEqualTo("MiniMax-M3");
        assertThat(second.path("max_completion_tokens").asInt()).isEqualTo(64);
        assertThat(second.path("temperature").asDouble()).isZero();
        assertThat(second.path("thinking").path("type").asString()).isEqualTo("adaptive");
    }

    @Test
    void systemUserAssistantAndToolMessagesGoOutInTheOpenAiShape() {
        server.when(post(CHAT)).respond(json(200, reply("\"ok\"", "")));

        client(RetryPolicy.none()).chatCompletions().create(ChatCompletionRequest.builder()
            .addSystemMessage("Be brief.")
            .addUserMessage("Weather in Paris?")
            .addMessage(ChatMessage.assistant("Checking."))
            .addToolResult("call_1", "{\"temp\":18}")
            .streamOptions(new ChatCompletionRequest.StreamOptions(false))
            .build());

        assertThat(sent(0).path("messages")).isEqualTo(JSON.readTree("""
                [{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?"},
                 {"role":"assistant","content":"Checking."},
                 {"role":"tool","content":"{\\"temp\\":18}","tool_call_id":"call_1"}]"""));
    }

    @Test
    void aValidInlineImageGoesOutAsItsDataUrl() {
        server.when(post(CHAT)).respond(json(200, reply("\"A dot.\"", "")));
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

        client(RetryPolicy.none()).chatCompletions().create(HELLO.toBuilder().model(Model.MINIMAX_M3)
            .addUserMessage(List.of(ContentPart.text("What is it?"), ContentPart.imageUrl(png))).build());

        assertThat(sent(0).path("messages").get(1).path("content").get(1)).isEqualTo(JSON.readTree(
                "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + png + "\"}}"));
    }

    @ParameterizedTest(name = "base_resp {0} -> {1}")
    @CsvSource({ "1004, AuthenticationException", "2049, AuthenticationException",
            "1008, InsufficientBalanceException", "1026, SensitiveContentException",
            "1027, SensitiveContentException", "2013, BadRequestException", "1002, RateLimitException",
            "1039, RateLimitException", "1013, ServerException", "1001, ServerException" })
    void eachBaseRespCodeInAnHttp200IsItsTypedError(int code, String type) {
        server.when(post(CHAT)).respond(json(200, "{\"id\":\"\",\"choices\":null,\"base_resp\":{\"status_code\":"
                + code + ",\"status_msg\":\"code " + code + "\"}}"));

        assertThatExceptionOfType(MiniMaxApiException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).chatCompletions().create(HELLO))
            .withMessageContaining(String.valueOf(code))
            .satisfies((failure) -> assertThat(failure.getClass().getSimpleName()).isEqualTo(type))
            .satisfies((failure) -> assertThat(failure.baseRespCode()).contains(code));
    }

    @Test
    void aTransientBaseRespCodeIsRetriedAndThenSucceeds() {
        server.when(post(CHAT), Times.once()).respond(json(200, "{\"base_resp\":{\"status_code\":1002,"
                + "\"status_msg\":\"rate limit\"}}"));
        server.when(post(CHAT)).respond(json(200, reply("\"ok\"", "")));

        ChatCompletion reply = client(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)))
            .chatCompletions().create(HELLO);

        assertThat(reply.content()).isEqualTo("ok");
        assertThat(server.retrieveRecordedRequests(post(CHAT))).hasSize(2);
    }

    @Test
    void anOutputBlankedByTheContentFilterIsAnErrorNamingOutputAndCategory() {
        server.when(post(CHAT)).respond(json(200, reply("\"\"", "\"output_sensitive\":true,\"output_sensitive_type\":6,"
                + "\"input_sensitive\":false")));

        assertThatExceptionOfType(SensitiveContentException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).chatCompletions().create(HELLO))
            .withMessageContaining("output").withMessageContaining("category 6")
            .withMessageContaining("rephrase");
    }

    @Test
    void aFlaggedReplyThatStillHasContentIsReturnedWithItsFlag() {
        server.when(post(CHAT)).respond(json(200, reply("\"Here is a safe answer.\"",
                "\"output_sensitive\":true,\"output_sensitive_type\":3")));

        ChatCompletion reply = client(RetryPolicy.none()).chatCompletions().create(HELLO);

        assertThat(reply.content()).isEqualTo("Here is a safe answer.");
        assertThat(reply.outputSensitive()).isTrue();
        assertThat(reply.outputSensitiveType()).isEqualTo(3);
    }

    @Test
    void aBodyThatIsNotAChatCompletionIsMalformedAndSaysWhereToLook() {
        server.when(post(CHAT)).respond(json(200, "<html>gateway</html>"));

        assertThatExceptionOfType(MalformedResponseException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).chatCompletions().create(HELLO))
            .withMessageContaining("ChatCompletion").withMessageContaining("minimax.base-url");
    }

    @Test
    void anHttpErrorThatEchoesTheKeyNeverShowsIt() {
        server.when(post(CHAT)).respond(json(401, "{\"error\":{\"message\":\"invalid key " + API_KEY
                + "\",\"type\":\"authentication_error\"}}"));

        assertThatExceptionOfType(AuthenticationException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).chatCompletions().create(HELLO))
            .withMessageContaining("minimax.api-key")
            .withMessageNotContaining(API_KEY)
            .satisfies((ex) -> assertThat(ex.rawBody()).doesNotContain(API_KEY))
            .satisfies((ex) -> assertThat(ex.toString()).doesNotContain(API_KEY));
    }

    @Test
    void serverErrorsAreRetriedThenTyped() {
        server.when(post(CHAT)).respond(json(500, "{\"error\":{\"message\":\"boom\"}}"));

        assertThatExceptionOfType(ServerException.class).isThrownBy(() -> client(new RetryPolicy(2,
                Duration.ofMillis(5), Duration.ofMillis(20))).chatCompletions().create(HELLO));
        assertThat(server.retrieveRecordedRequests(post(CHAT))).hasSize(3);
    }

    @Test
    void doneEndsAStreamEvenBeforeAFinishReason() {
        server.when(post(CHAT)).respond(sse(data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":\"Hi\"}}]}") + "data: [DONE]\n\n"));

        try (ChatCompletionStream stream = client(RetryPolicy.none()).chatCompletions().stream(HELLO)) {
            ChatCompletion reply = stream.finalCompletion();
            assertThat(reply.content()).isEqualTo("Hi");
            assertThat(reply.finishReason()).isNull();
        }
    }

    @Test
    void theBodyMayEndWithoutDoneOnceAFinishReasonHasCome() {
        String withoutDone = fixture("stream-think.sse").replace("data: [DONE]\n\n", "");
        server.when(post(CHAT)).respond(sse(withoutDone));

        try (ChatCompletionStream stream = client(RetryPolicy.none()).chatCompletions().stream(HELLO)) {
            ChatCompletion reply = stream.finalCompletion();
            assertThat(reply.finishReason()).isEqualTo("stop");
            assertThat(reply.usage().totalTokens()).isEqualTo(57);
        }
    }

    @Test
    void aStreamBlankedByTheContentFilterIsAnErrorNotAnEmptyReply() {
        server.when(post(CHAT)).respond(sse(data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
                + "\"finish_reason\":\"stop\"}],\"input_sensitive\":true,\"input_sensitive_type\":2}")
                + "data: [DONE]\n\n"));

        try (ChatCompletionStream stream = client(RetryPolicy.none()).chatCompletions().stream(HELLO)) {
            assertThatExceptionOfType(SensitiveContentException.class).isThrownBy(stream::finalCompletion)
                .withMessageContaining("input").withMessageContaining("category 2");
        }
        assertThat(this.seen).last().isEqualTo("failure SensitiveContentException");
    }

    @Test
    void aBaseRespErrorInsideAStreamChunkIsTyped() {
        server.when(post(CHAT)).respond(sse(data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                + "\"Hel\"}}]}") + data("{\"id\":\"c\",\"choices\":[],\"base_resp\":{\"status_code\":1039,"
                + "\"status_msg\":\"tpm limit\"}}")));

        try (ChatCompletionStream stream = client(RetryPolicy.none()).chatCompletions().stream(HELLO)) {
            Iterator<ChatCompletionChunk> chunks = stream.iterator();
            assertThat(chunks.next().choices().get(0).delta().content()).isEqualTo("Hel");
            assertThatExceptionOfType(RateLimitException.class).isThrownBy(chunks::hasNext)
                .withMessageContaining("1039");
        }
    }

    @Test
    void aStreamRequestAnsweredWithAJsonErrorInsteadOfEventsIsTyped() {
        server.when(post(CHAT)).respond(json(200, "{\"base_resp\":{\"status_code\":2049,\"status_msg\":"
                + "\"invalid api key\"}}"));

        assertThatExceptionOfType(AuthenticationException.class)
            .isThrownBy(() -> client(RetryPolicy.none()).chatCompletions().stream(HELLO))
            .withMessageContaining("2049");
    }

    @Test
    void aChunkThatIsNotJsonIsMalformed() {
        server.when(post(CHAT)).respond(sse(data("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":\"Hi\"}}]}") + data("{not json")));

        try (ChatCompletionStream stream = client(RetryPolicy.none()).chatCompletions().stream(HELLO)) {
            assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(stream::finalCompletion)
                .withMessageContaining("not valid JSON");
        }
    }

    @Test
    void eachChunkIsDeliveredBeforeTheServerSendsTheNext() throws Exception {
        // MockServer writes a response in one go; this needs the server to wait until the client has the
        // first chunk, so it runs on the loopback RawSseServer from the test sources.
        CountDownLatch firstDelivered = new CountDownLatch(1);
        try (RawSseServer raw = new RawSseServer((writer) -> {
            writer.data("{\"id\":\"c\",\"model\":\"MiniMax-M3\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"content\":\"<think>plan</thi\"}}]}");
            if (!firstDelivered.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client did not get the first chunk on its own");
            }
            writer.data("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"nk>Done.\"},\"finish_reason\":\"stop\"}]}");
            writer.data("[DONE]");
            writer.end();
        })) {
            MiniMaxClient client = MiniMaxClient.builder().apiKey(API_KEY).baseUrl(raw.baseUrl())
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(10)).build();
            List<String> visible = new ArrayList<>();
            List<String> reasoning = new ArrayList<>();
            try (ChatCompletionStream stream = client.chatCompletions().stream(HELLO)) {
                ChatCompletion reply = stream.readToEnd(visible::add, (text) -> {
                    reasoning.add(text);
                    firstDelivered.countDown();
                });
                assertThat(reply.content()).isEqualTo("Done.");
            }
            assertThat(reasoning).containsExactly("plan");
            assertThat(visible).containsExactly("Done.");
        }
    }

    private MiniMaxClientBuilder builder(RetryPolicy retryPolicy) {
        return MiniMaxClient.builder().apiKey(API_KEY).baseUrl("http://127.0.0.1:" + server.getPort())
            .readTimeout(Duration.ofSeconds(5)).retryPolicy(retryPolicy).observationRegistry(
                RecordingObservationHandler.registry(new RecordingObservationHandler(this.seen, false)));
    }

    private MiniMaxClient client(RetryPolicy retryPolicy) {
        return builder(retryPolicy).build();
    }

    private static JsonNode sent(int index) {
        return JSON.readTree(server.retrieveRecordedRequests(post(CHAT))[index].getBodyAsString());
    }

    /** A one-choice reply with the given content JSON and extra top-level fields. */
    private static String reply(String content, String more) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1780154600,\"model\":\"MiniMax-M3\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":" + content + "}}]" + (more.isEmpty() ? "" : "," + more)
                + ",\"base_resp\":{\"status_code\":0,\"status_msg\":\"\"}}";
    }

    private static String data(String json) {
        return "data: " + json + "\n\n";
    }

    private static String fixture(String name) {
        try (InputStream in = ChatCompletionsApiTests.class.getResourceAsStream("/io/github/minimax4j/openai/" + name)) {
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
