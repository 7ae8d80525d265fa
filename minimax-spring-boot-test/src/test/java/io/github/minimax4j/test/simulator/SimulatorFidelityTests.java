package io.github.minimax4j.test.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.client.MiniMaxClient;
import io.github.minimax4j.client.RetryPolicy;
import io.github.minimax4j.error.BadRequestException;
import io.github.minimax4j.model.Thinking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where users rely on the simulator behaving like MiniMax: validation as the reference says (so a test fails
 * where MiniMax would), errors in MiniMax's format, the request-id header, reasoning in streams, a reply cut
 * inside its thinking, and tool calling that is reasonable by default.
 */
class SimulatorFidelityTests {

    private static final String MESSAGES = "/anthropic/v1/messages";

    private static final String CHAT = "/v1/chat/completions";

    private static final String WEATHER_TOOL = """
            {"name": "get_weather", "description": "Current weather for a city",
             "input_schema": {"type": "object", "properties": {"city": {"type": "string"},
               "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}, "required": ["city"]}}""";

    /** One of the keys KeyCanaryAppender watches the logs for (TestSupportApiKeyNeverLoggedTests runs last). */
    private static final String KEY = "sk-leak-canary-7d41e9a0";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private MiniMaxSimulator simulator;

    @BeforeEach
    void start() {
        this.simulator = new MiniMaxSimulator(Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        this.simulator.stop();
    }

    // --- validation, in MiniMax's error format

    @Test
    void unknownModelIsRejectedWith2013InMiniMaxsAnthropicErrorFormat() throws Exception {
        HttpResponse<String> response = post(MESSAGES, """
                {"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.get("type").stringValue()).isEqualTo("error");
        assertThat(body.at("/error/type").stringValue()).isEqualTo("bad_request_error");
        assertThat(body.at("/error/message").stringValue()).isEqualTo("invalid params, unknown model 'gpt-4o' (2013)");
        assertThat(body.at("/error/http_code").stringValue()).isEqualTo("400");
        assertThat(body.get("request_id").stringValue()).matches("[0-9a-f]{32}")
            .isEqualTo(response.headers().firstValue("minimax-request-id").orElseThrow());
    }

    @Test
    void chatCompletionsRejectAnUnknownModelInOpenAisShape() throws Exception {
        HttpResponse<String> response = post(CHAT, """
                {"model": "MiniMax-M9", "messages": [{"role": "user", "content": "Hi"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.at("/error/message").stringValue()).isEqualTo("invalid params, unknown model 'MiniMax-M9' (2013)");
        assertThat(body.at("/error/type").stringValue()).isEqualTo("bad_request_error");
        assertThat(body.at("/error/param").stringValue()).isEmpty();
    }

    @Test
    void outputLimitsAboveAModelsMaximumAreRejected() throws Exception {
        assertThat(post(MESSAGES, maxTokens("MiniMax-M3", "max_tokens", 524_289)).statusCode()).isEqualTo(400);
        assertThat(post(MESSAGES, maxTokens("MiniMax-M2.7", "max_tokens", 204_801)).statusCode()).isEqualTo(400);
        HttpResponse<String> chat = post(CHAT, maxTokens("MiniMax-M2.5", "max_completion_tokens", 300_000));
        assertThat(chat.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(chat.body()).at("/error/message").stringValue())
            .isEqualTo("invalid params, max_completion_tokens: 300000 is above the maximum of 204800 for "
                    + "MiniMax-M2.5 (2013)");
        assertThat(post(MESSAGES, maxTokens("MiniMax-M3", "max_tokens", 524_288)).statusCode()).isEqualTo(200);
        assertThat(post(CHAT, maxTokens("MiniMax-M2.7", "max_completion_tokens", 204_800)).statusCode())
            .isEqualTo(200);
    }

    @Test
    void thinkingEnabledOnM3IsRejectedWith2013AndTheClientSaysWhy() throws Exception {
        HttpResponse<String> response = post(MESSAGES, """
                {"model": "MiniMax-M3", "thinking": {"type": "enabled", "budget_tokens": 1024},
                 "messages": [{"role": "user", "content": "Hi"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(response.body()).at("/error/message").stringValue()).isEqualTo(
                "invalid params, invalid thinking.type: \"enabled\" (allowed: adaptive, disabled) (2013)");
        assertThat(post(CHAT, """
                {"model": "MiniMax-M3", "thinking": {"type": "enabled"},
                 "messages": [{"role": "user", "content": "Hi"}]}""").statusCode()).isEqualTo(400);
        // M2.x accepts any thinking type and thinks anyway
        assertThat(post(MESSAGES, """
                {"model": "MiniMax-M2.7", "thinking": {"type": "enabled", "budget_tokens": 1024},
                 "messages": [{"role": "user", "content": "Hi"}]}""").statusCode()).isEqualTo(200);

        MiniMaxClient client = MiniMaxClient.builder().apiKey(KEY).baseUrl(this.simulator.baseUrl())
            .retryPolicy(RetryPolicy.none()).build();
        assertThatExceptionOfType(BadRequestException.class)
            .isThrownBy(() -> client.messages().create(MessageRequest.builder().model("MiniMax-M3")
                .thinking(new Thinking("enabled")).addUserMessage("Hi").build()))
            .withMessageContaining("invalid thinking.type");
    }

    @Test
    void everyResponseCarriesAFreshRequestIdHeader() throws Exception {
        HttpResponse<String> first = post(MESSAGES, """
                {"model": "MiniMax-M3", "messages": [{"role": "user", "content": "Hi"}]}""");
        HttpResponse<String> second = post(CHAT, """
                {"model": "MiniMax-M3", "messages": [{"role": "user", "content": "Hi"}]}""");
        String firstId = first.headers().firstValue("minimax-request-id").orElseThrow();
        assertThat(firstId).matches("[0-9a-f]{32}");
        assertThat(second.headers().firstValue("minimax-request-id")).isPresent().get().isNotEqualTo(firstId);
        assertThat(this.simulator.requests()).extracting(ReceivedRequest::requestId)
            .containsExactly(firstId, second.headers().firstValue("minimax-request-id").orElseThrow());
    }

    // --- reasoning

    @Test
    void streamedReasoningSplitSendsReasoningDetailsBesideReasoningContent() throws Exception {
        List<JsonNode> chunks = chatStream("""
                {"model": "MiniMax-M2.7", "stream": true, "reasoning_split": true,
                 "messages": [{"role": "user", "content": "Explain streams"}]}""");
        StringBuilder content = new StringBuilder();
        StringBuilder details = new StringBuilder();
        for (JsonNode chunk : chunks) {
            JsonNode delta = chunk.at("/choices/0/delta");
            if (delta.has("reasoning_content")) {
                content.append(delta.get("reasoning_content").stringValue());
                JsonNode detail = delta.at("/reasoning_details/0");
                assertThat(detail.get("type").stringValue()).isEqualTo("reasoning.text");
                assertThat(detail.get("format").stringValue()).isEqualTo("MiniMax-response-v1");
                details.append(detail.get("text").stringValue());
            }
        }
        assertThat(content.toString()).startsWith("The user wrote");
        assertThat(details).hasToString(content.toString());
    }

    @Test
    void aReplyCutInsideItsThinkingLeavesTheThinkTagOpen() throws Exception {
        JsonNode completion = this.json.readTree(post(CHAT, """
                {"model": "MiniMax-M2.7", "max_completion_tokens": 6,
                 "messages": [{"role": "user", "content": "Explain how streams work"}]}""").body());
        String content = completion.at("/choices/0/message/content").stringValue();
        assertThat(content).startsWith("<think>\n").doesNotContain("</think>");
        assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo("length");
        JsonNode whole = this.json.readTree(post(CHAT, """
                {"model": "MiniMax-M2.7", "messages": [{"role": "user", "content": "Explain how streams work"}]}""")
            .body());
        assertThat(whole.at("/choices/0/message/content").stringValue()).contains("\n</think>\n");
    }

    // --- tool calling by default

    @Test
    void toolChoiceOtherThanAutoOrNoneIsTakenAsAutoAsTheReferenceSupportsOnlyThose() throws Exception {
        JsonNode offTopic = this.json.readTree(post(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s], "tool_choice": {"type": "tool", "name": "get_weather"},
                 "messages": [{"role": "user", "content": "Tell me a joke about Rome"}]}""".formatted(WEATHER_TOOL))
            .body());
        assertThat(offTopic.get("stop_reason").stringValue()).isEqualTo("end_turn");
        JsonNode onTopic = this.json.readTree(post(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s], "tool_choice": {"type": "any"},
                 "messages": [{"role": "user", "content": "Weather in Rome?"}]}""".formatted(WEATHER_TOOL)).body());
        assertThat(onTopic.at("/content/1/input").toString()).isEqualTo("{\"city\":\"Rome\"}");
    }

    @Test
    void aToolIsChosenByItsDescriptionAndOptionalEnumsTheUserMentionsAreFilled() throws Exception {
        JsonNode reply = this.json.readTree(post(MESSAGES, """
                {"model": "MiniMax-M3", "messages": [{"role": "user", "content": "Any forecast for Oslo in celsius?"}],
                 "tools": [{"name": "lookup", "description": "Weather forecast by city",
                   "input_schema": {"type": "object", "properties": {"city": {"type": "string"},
                     "unit": {"type": "string", "enum": ["fahrenheit", "celsius"]}}, "required": ["city"]}}]}""")
            .body());
        assertThat(reply.get("stop_reason").stringValue()).isEqualTo("tool_use");
        assertThat(reply.at("/content/1/input").toString()).isEqualTo("{\"city\":\"Oslo\",\"unit\":\"celsius\"}");
    }

    @Test
    void withoutTheRequiredValueTheModelAsksInsteadOfInventingOne() throws Exception {
        JsonNode reply = this.json.readTree(post(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s],
                 "messages": [{"role": "user", "content": "what's the weather like?"}]}""".formatted(WEATHER_TOOL))
            .body());
        assertThat(reply.get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(reply.at("/content/0/text").stringValue()).contains("get_weather").contains("city")
            .endsWith("Which one do you mean?");
    }

    @Test
    void queryLikeArgumentsTakeTheUsersRequest() throws Exception {
        JsonNode reply = this.json.readTree(post(CHAT, """
                {"model": "MiniMax-M2.7", "messages": [{"role": "user", "content": "search the docs for retry settings"}],
                 "tools": [{"type": "function", "function": {"name": "search_docs", "description": "Search the docs",
                   "parameters": {"type": "object", "properties": {"query": {"type": "string"}},
                     "required": ["query"]}}}]}""").body());
        assertThat(reply.at("/choices/0/message/tool_calls/0/function/arguments").stringValue())
            .isEqualTo("{\"query\":\"search the docs for retry settings\"}");
    }

    private static String maxTokens(String model, String field, int value) {
        return """
                {"model": "%s", "%s": %d, "messages": [{"role": "user", "content": "Hi"}]}"""
            .formatted(model, field, value);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + path))
            .header("Authorization", "Bearer test-key").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> chatStream(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + CHAT))
            .header("Authorization", "Bearer test-key").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (Stream<String> lines = this.http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            return lines.filter((line) -> line.startsWith("data: {")).map((line) -> this.json.readTree(line.substring(6)))
                .toList();
        }
    }
}
