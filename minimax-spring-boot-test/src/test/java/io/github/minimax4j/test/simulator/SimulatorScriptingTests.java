package io.github.minimax4j.test.simulator;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.error.AuthenticationException;
import io.github.minimax4j.error.InsufficientBalanceException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.OverloadedException;
import io.github.minimax4j.error.RateLimitException;
import io.github.minimax4j.error.ServerException;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ThinkingMode;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The scripting and assertion API, over HTTP: through the MiniMax client as an app calls it, and raw where
 * the wire format itself is the point.
 */
class SimulatorScriptingTests {

    private static final Tool WEATHER = Tool.of("get_weather", "Current weather for a city", Map.of("type", "object",
            "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city")));

    /** One of the keys KeyCanaryAppender watches the logs for (TestSupportApiKeyNeverLoggedTests runs last). */
    private static final String KEY = "sk-leak-canary-7d41e9a0";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private MiniMaxSimulator simulator;

    private MiniMaxClient client;

    @BeforeEach
    void start() {
        this.simulator = new MiniMaxSimulator(Duration.ZERO).start();
        this.client = MiniMaxClient.builder().apiKey(KEY).baseUrl(this.simulator.baseUrl())
            .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        this.simulator.stop();
    }

    // --- content

    @Test
    void scriptedTextAndThinkingComeBackOnBothApis() {
        this.simulator.replyNext(SimulatedReply.text("Paris.").withThinking("France's capital is Paris."),
                SimulatedReply.text("Paris.").withThinking("France's capital is Paris."));
        MessageResponse message = this.client.messages().create(ask(Model.MINIMAX_M3, "Capital of France?"));
        assertThat(message.text()).isEqualTo("Paris.");
        assertThat(message.thinking()).isEqualTo("France's capital is Paris.");
        ChatCompletion completion = this.client.chatCompletions().create(ChatCompletionRequest.builder()
            .model(Model.MINIMAX_M2_7).addUserMessage("Capital of France?").build());
        assertThat(completion.content()).isEqualTo("Paris.");
        assertThat(completion.reasoning()).isEqualTo("France's capital is Paris.");
    }

    @Test
    void scriptedToolCallThenTheGeneratedAnswerUsesTheToolResult() {
        this.simulator.whenPromptContains("umbrella")
            .thenReply(SimulatedReply.toolCall("get_weather", Map.of("city", "Lisbon")));
        MessageRequest ask = MessageRequest.builder().model(Model.MINIMAX_M3).addTool(WEATHER)
            .addUserMessage("Do I need an umbrella today?").build();
        MessageResponse call = this.client.messages().create(ask);
        assertThat(call.stopReason()).hasToString("tool_use");
        assertThat(call.toolUses()).singleElement().satisfies((use) -> {
            assertThat(use.name()).isEqualTo("get_weather");
            assertThat(use.input()).isEqualTo(Map.of("city", "Lisbon"));
            assertThat(use.id()).startsWith("call_");
        });
        MessageResponse answer = this.client.messages().create(ask.toBuilder().addAssistantMessage(call)
            .addToolResult(call.toolUses().get(0).id(), "Rain, 14 C").build());
        assertThat(answer.text()).contains("get_weather").contains("Rain, 14 C");
        assertThat(this.simulator.requests()).extracting(ReceivedRequest::hasToolResult).containsExactly(false, true);
    }

    @Test
    void aRuleGivesItsRepliesInOrderThenRepeatsTheLastAndTheNewestRuleWins() {
        this.simulator.when((request) -> true).thenReply(SimulatedReply.text("old rule"));
        this.simulator.whenPromptContains("hello").thenReply(SimulatedReply.text("one"), SimulatedReply.text("two"));
        assertThat(List.of(say("Hello"), say("hello again"), say("HELLO"), say("something else")))
            .containsExactly("one", "two", "two", "old rule");
    }

    @Test
    void queuedRepliesComeFirstAndCountTokensDoesNotUseThemUp() {
        this.simulator.whenPromptContains("hi").thenReply(SimulatedReply.text("from the rule"));
        this.simulator.replyNext(SimulatedReply.text("queued"));
        this.client.messages().countTokens(ask(Model.MINIMAX_M3, "hi"));
        assertThat(say("hi")).isEqualTo("queued");
        assertThat(say("hi")).isEqualTo("from the rule");
    }

    @Test
    void scriptedUsageIsReportedAndTotalledExactly() {
        this.simulator.replyNext(SimulatedReply.text("Fine.").withUsage(1200, 34));
        MessageResponse message = this.client.messages().create(ask(Model.MINIMAX_M3, "How are you?"));
        assertThat(message.usage().inputTokens()).isEqualTo(1200);
        assertThat(message.usage().outputTokens()).isEqualTo(34);
        assertThat(this.simulator.messagesTotals()).isEqualTo(new TokenTotals(1, 1200, 0, 34));
    }

    @Test
    void generatedUsageIsTheSameForTheSameRequest() {
        MessageResponse first = this.client.messages().create(ask(Model.MINIMAX_M2_7, "Explain caching"));
        MessageResponse second = this.client.messages().create(ask(Model.MINIMAX_M2_7, "Explain caching"));
        assertThat(second.usage()).isEqualTo(first.usage());
        assertThat(this.simulator.messagesTotals().outputTokens()).isEqualTo(2L * first.usage().outputTokens());
    }

    // --- errors

    @Test
    void rateLimitedIs429WithRetryAfterInMiniMaxsFormat() throws Exception {
        this.simulator.replyNext(SimulatedReply.rateLimited(Duration.ofMillis(1500)));
        HttpResponse<String> response = post("/anthropic/v1/messages", "{\"model\": \"MiniMax-M3\"}");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.at("/error/type").stringValue()).isEqualTo("rate_limit_error");
        assertThat(body.at("/error/message").stringValue()).endsWith("(1002)");
        assertThat(body.at("/error/http_code").stringValue()).isEqualTo("429");
        assertThat(body.get("request_id").stringValue()).isEqualTo(response.headers().firstValue(
                "minimax-request-id").orElseThrow());

        this.simulator.replyNext(SimulatedReply.rateLimited(Duration.ofSeconds(3)));
        assertThatExceptionOfType(RateLimitException.class)
            .isThrownBy(() -> this.client.messages().create(ask(Model.MINIMAX_M3, "Hi")))
            .satisfies((ex) -> assertThat(ex.retryAfter()).hasValue(Duration.ofSeconds(3)));
    }

    @Test
    void scriptedStatusesReachTheClientAsTheirTypedExceptions() {
        this.simulator.replyNext(SimulatedReply.unauthorized(), SimulatedReply.serverError(),
                SimulatedReply.overloaded());
        assertThatExceptionOfType(AuthenticationException.class)
            .isThrownBy(() -> this.client.messages().create(ask(Model.MINIMAX_M3, "Hi")))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
        assertThatExceptionOfType(ServerException.class)
            .isThrownBy(() -> this.client.chatCompletions().create(ChatCompletionRequest.builder()
                .model(Model.MINIMAX_M3).addUserMessage("Hi").build()))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
        assertThatExceptionOfType(OverloadedException.class)
            .isThrownBy(() -> this.client.messages().create(ask(Model.MINIMAX_M3, "Hi")))
            .satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(529));
    }

    @Test
    void chatCompletionsErrorsTakeOpenAisShape() throws Exception {
        this.simulator.replyNext(SimulatedReply.overloaded());
        HttpResponse<String> response = post("/v1/chat/completions", "{}");
        assertThat(response.statusCode()).isEqualTo(529);
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.at("/error/type").stringValue()).isEqualTo("overloaded_error");
        assertThat(body.at("/error/message").stringValue()).endsWith("(2064)");
        assertThat(body.at("/error/code").isNull()).isTrue();
    }

    @Test
    void baseRespErrorComesInsideAn200AndTheClientThrowsItsType() throws Exception {
        this.simulator.replyNext(SimulatedReply.baseRespError(1008, "insufficient balance"));
        HttpResponse<String> raw = post("/v1/chat/completions", "{\"model\": \"MiniMax-M3\", \"stream\": true}");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(raw.body()).at("/base_resp/status_code").asInt()).isEqualTo(1008);

        this.simulator.replyNext(SimulatedReply.baseRespError(1008, "insufficient balance"));
        assertThatExceptionOfType(InsufficientBalanceException.class)
            .isThrownBy(() -> this.client.messages().create(ask(Model.MINIMAX_M3, "Hi")))
            .satisfies((ex) -> assertThat(ex.baseRespCode()).hasValue(1008));
    }

    // --- stream shaping

    @Test
    void aCutStreamDropsTheConnectionAfterTheScriptedEvents() throws Exception {
        this.simulator.replyNext(SimulatedReply.generated().cutAfter(4));
        List<String> received = new ArrayList<>();
        HttpResponse<Stream<String>> response = this.http.send(request("/anthropic/v1/messages", """
                {"model": "MiniMax-M2.7", "stream": true, "messages": [{"role": "user", "content": "Tell me a story"}]}"""),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> {
            try (Stream<String> lines = response.body()) {
                for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                    String line = it.next();
                    if (line.startsWith("event: ")) {
                        received.add(line.substring(7));
                    }
                }
            }
        });
        assertThat(received).containsExactly("message_start", "ping", "content_block_start", "content_block_delta");
        assertThat(this.simulator.messagesTotals()).isEqualTo(TokenTotals.EMPTY);
    }

    @Test
    void aCutStreamFailsTheClientsStreamAfterThePartialText() {
        this.simulator.replyNext(SimulatedReply.text("one two three four five six seven eight nine").cutAfter(5));
        StringBuilder text = new StringBuilder();
        assertThatExceptionOfType(io.github.minimax4j.error.MiniMaxException.class).isThrownBy(() -> {
            try (var stream = this.client.messages().stream(ask(Model.MINIMAX_M3, "Count"))) {
                stream.finalMessage();
            }
        });
        this.simulator.replyNext(SimulatedReply.text("one two three four five six seven eight nine").cutAfter(5));
        assertThatExceptionOfType(io.github.minimax4j.error.MiniMaxException.class).isThrownBy(() -> {
            try (var stream = this.client.messages().stream(ask(Model.MINIMAX_M3, "Count"))) {
                stream.readToEnd(text::append);
            }
        });
        assertThat(text).hasToString("one two three four five six"); // two deltas of the five events
    }

    @Test
    void aCutPlainReplyDropsTheConnectionMidBody() {
        this.simulator.replyNext(SimulatedReply.text("Never arrives whole").cutAfter(0));
        assertThatExceptionOfType(MiniMaxIoException.class)
            .isThrownBy(() -> this.client.messages().create(ask(Model.MINIMAX_M3, "Hi")));
        assertThat(this.simulator.messagesTotals()).isEqualTo(TokenTotals.EMPTY);
    }

    @Test
    void aSlowStreamPausesBeforeEveryDelta() throws Exception {
        this.simulator.replyNext(SimulatedReply.text("one two three four five six seven eight nine")
            .withDeltaDelay(Duration.ofMillis(80)));
        long start = System.nanoTime();
        HttpResponse<String> response = post("/anthropic/v1/messages", """
                {"model": "MiniMax-M3", "stream": true, "messages": [{"role": "user", "content": "Count"}]}""");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.body()).contains("message_stop");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(3 * 80); // three deltas of three words
    }

    // --- what was received

    @Test
    void requestsAreKeptAndReadAsTheClientsWireTypesWithoutTheKey() {
        this.client.messages().create(MessageRequest.builder().model(Model.MINIMAX_M3).system("Be brief")
            .thinking(ThinkingMode.ADAPTIVE).addTool(WEATHER).addUserMessage("Weather in Oslo?").build());
        this.client.chatCompletions().create(ChatCompletionRequest.builder().model(Model.MINIMAX_M2_7)
            .reasoningSplit(true).addUserMessage("Hello").build());

        assertThat(this.simulator.requestCount()).isEqualTo(2);
        ReceivedRequest messages = this.simulator.requests(ReceivedRequest.Api.MESSAGES).get(0);
        assertThat(messages.prompt()).isEqualTo("Weather in Oslo?");
        assertThat(messages.toolNames()).containsExactly("get_weather");
        MessageRequest sent = messages.messageRequest();
        assertThat(sent.model()).isEqualTo(Model.MINIMAX_M3);
        assertThat(sent.thinking().type()).isEqualTo("adaptive");
        assertThat(sent.system().text()).isEqualTo("Be brief");
        assertThat(sent.tools()).extracting(Tool::name).containsExactly("get_weather");

        ReceivedRequest chat = this.simulator.lastRequest();
        assertThat(chat.api()).isEqualTo(ReceivedRequest.Api.CHAT_COMPLETIONS);
        assertThat(chat.chatCompletionRequest().reasoningSplit()).isTrue();
        assertThat(chat.requestId()).matches("[0-9a-f]{32}");
        assertThat(chat.header("Authorization")).isNull();
        assertThat(chat.body()).doesNotContain(KEY);
        assertThat(chat.toString()).doesNotContain(KEY);
        assertThatIllegalStateException().isThrownBy(chat::messageRequest);
    }

    @Test
    void resetForgetsScriptsRequestsAndTotals() {
        this.simulator.whenPromptContains("hi").thenReply(SimulatedReply.text("scripted"));
        this.simulator.replyNext(SimulatedReply.serverError());
        this.simulator.reset();
        assertThat(this.simulator.requestCount()).isZero();
        assertThat(say("hi")).startsWith("You asked about");
        assertThat(this.simulator.requestCount()).isEqualTo(1);
        assertThat(this.simulator.messagesTotals().responses()).isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(() -> new MiniMaxSimulator().lastRequest());
    }

    @Test
    void aConditionThatThrowsIsAnsweredAs500NamingIt() throws Exception {
        this.simulator.when((request) -> request.chatCompletionRequest().model() != null).thenReply(SimulatedReply.text("x"));
        HttpResponse<String> response = post("/anthropic/v1/messages",
                "{\"model\": \"MiniMax-M3\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("a when(...) condition threw").contains("use messageRequest()");
    }

    @Test
    void badScriptsAreRefusedWithWhatToFix() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatedReply.toolCall("get_weather", "[1]"))
            .withMessageContaining("JSON object");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatedReply.httpError(200, "fine"))
            .withMessageContaining("400-599");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatedReply.baseRespError(0, "ok"))
            .withMessageContaining("success");
        assertThatIllegalStateException().isThrownBy(() -> SimulatedReply.serverError().cutAfter(2))
            .withMessageContaining("content replies");
    }

    private String say(String prompt) {
        return this.client.messages().create(ask(Model.MINIMAX_M3, prompt)).text();
    }

    private static MessageRequest ask(Model model, String prompt) {
        return MessageRequest.builder().model(model).addUserMessage(prompt).build();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return this.http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + path)).header("x-api-key", "test-key")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
