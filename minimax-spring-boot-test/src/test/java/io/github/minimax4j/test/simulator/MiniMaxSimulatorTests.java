package io.github.minimax4j.test.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Drives the simulator over real loopback HTTP with the JDK client, as the MiniMax client will.
 */
class MiniMaxSimulatorTests {

    private static final String MESSAGES = "/anthropic/v1/messages";

    private static final String COUNT_TOKENS = "/anthropic/v1/messages/count_tokens";

    private static final String CHAT = "/v1/chat/completions";

    private static final String WEATHER_TOOL = """
            {"name": "get_weather", "description": "Current weather for a city",
             "input_schema": {"type": "object",
               "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
               "required": ["city", "unit"]}}""";

    private static final String WEATHER_FUNCTION = """
            {"type": "function", "function": {"name": "get_weather", "description": "Current weather for a city",
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}""";

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private MiniMaxSimulator simulator;

    @BeforeEach
    void startSimulator() {
        this.simulator = new MiniMaxSimulator(Duration.ZERO).start();
    }

    @AfterEach
    void stopSimulator() {
        this.simulator.stop();
    }

    // --- lifecycle

    @Test
    void listensOnLoopbackWithRandomPortUntilStopped() {
        assertThat(this.simulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(this.simulator.isRunning()).isTrue();
        this.simulator.stop();
        assertThat(this.simulator.isRunning()).isFalse();
        assertThatIllegalStateException().isThrownBy(this.simulator::baseUrl);
    }

    // --- Messages API

    @Test
    void messagesReplyHasTheReferenceShape() throws Exception {
        JsonNode message = postOk(MESSAGES, """
                {"model": "MiniMax-M2.7", "messages": [{"role": "user", "content": "Hello"}]}""");
        assertThat(message.get("id").stringValue()).matches("[0-9a-f]{32}");
        assertThat(message.get("type").stringValue()).isEqualTo("message");
        assertThat(message.get("role").stringValue()).isEqualTo("assistant");
        assertThat(message.get("model").stringValue()).isEqualTo("MiniMax-M2.7");
        assertThat(types(message.get("content"))).containsExactly("thinking", "text");
        assertThat(message.at("/content/0/signature").stringValue()).matches("[0-9a-f]{64}");
        assertThat(message.at("/content/1/text").stringValue()).contains("\"Hello\"");
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("end_turn");
        JsonNode usage = message.get("usage");
        assertThat(usage.get("input_tokens").asInt()).isPositive();
        assertThat(usage.get("output_tokens").asInt()).isPositive();
        assertThat(usage.get("cache_creation_input_tokens").asInt()).isZero();
        assertThat(usage.get("cache_read_input_tokens").asInt()).isZero();
        assertThat(message.at("/base_resp/status_code").asInt()).isZero();
        assertThat(message.at("/base_resp/status_msg").stringValue()).isEqualTo("success");
    }

    @Test
    void m2ModelsThinkEvenWhenThinkingIsDisabled() throws Exception {
        JsonNode message = postOk(MESSAGES, """
                {"model": "MiniMax-M2.5", "thinking": {"type": "disabled"},
                 "messages": [{"role": "user", "content": "Hi"}]}""");
        assertThat(types(message.get("content"))).containsExactly("thinking", "text");
    }

    @Test
    void m3ThinksOnlyWithAdaptiveThinking() throws Exception {
        String omitted = """
                {"model": "MiniMax-M3", "messages": [{"role": "user", "content": "Hi"}]}""";
        String disabled = """
                {"model": "MiniMax-M3", "thinking": {"type": "disabled"}, "messages": [{"role": "user", "content": "Hi"}]}""";
        String adaptive = """
                {"model": "MiniMax-M3", "thinking": {"type": "adaptive"}, "messages": [{"role": "user", "content": "Hi"}]}""";
        assertThat(types(postOk(MESSAGES, omitted).get("content"))).containsExactly("text");
        assertThat(types(postOk(MESSAGES, disabled).get("content"))).containsExactly("text");
        assertThat(types(postOk(MESSAGES, adaptive).get("content"))).containsExactly("thinking", "text");
    }

    @Test
    void replyIsDeterministicAndVariesWithThePrompt() throws Exception {
        String first = replyText(userMessage("MiniMax-M3", "How do I learn Java?"));
        assertThat(replyText(userMessage("MiniMax-M3", "How do I learn Java?"))).isEqualTo(first);
        assertThat(replyText(userMessage("MiniMax-M3", "What is a good name for a cat?"))).isNotEqualTo(first)
                .contains("What is a good name for a cat?");
    }

    @Test
    void inputTokensGrowWithThePromptAndMatchCountTokens() throws Exception {
        String shortRequest = userMessage("MiniMax-M3", "Hi");
        String longRequest = userMessage("MiniMax-M3", "Tell me about the history of computing. ".repeat(40));
        int shortTokens = postOk(MESSAGES, shortRequest).at("/usage/input_tokens").asInt();
        int longTokens = postOk(MESSAGES, longRequest).at("/usage/input_tokens").asInt();
        assertThat(longTokens).isGreaterThan(shortTokens + 300);
        assertThat(postOk(COUNT_TOKENS, shortRequest).get("input_tokens").asInt()).isEqualTo(shortTokens);
        assertThat(postOk(COUNT_TOKENS, longRequest).get("input_tokens").asInt()).isEqualTo(longTokens);
        assertThat(this.simulator.countTokensRequests()).isEqualTo(2);
    }

    @Test
    void laterTurnsReportEarlierTurnsAsCacheReads() throws Exception {
        String request = """
                {"model": "MiniMax-M3", "system": "You are a helpful assistant.", "messages": [
                  {"role": "user", "content": "Explain recursion with an example in a few paragraphs."},
                  {"role": "assistant", "content": [{"type": "text", "text": "Recursion is when a function calls itself."}]},
                  {"role": "user", "content": "And iteration?"}]}""";
        JsonNode usage = postOk(MESSAGES, request).get("usage");
        int cacheRead = usage.get("cache_read_input_tokens").asInt();
        assertThat(cacheRead).isPositive();
        assertThat(usage.get("input_tokens").asInt() + cacheRead)
                .isEqualTo(postOk(COUNT_TOKENS, request).get("input_tokens").asInt());
    }

    @Test
    void toolUseThenToolResultRoundTrip() throws Exception {
        JsonNode first = postOk(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s],
                 "messages": [{"role": "user", "content": "What's the weather in Paris in fahrenheit?"}]}"""
                .formatted(WEATHER_TOOL));
        assertThat(first.get("stop_reason").stringValue()).isEqualTo("tool_use");
        JsonNode toolUse = first.get("content").get(first.get("content").size() - 1);
        assertThat(toolUse.get("type").stringValue()).isEqualTo("tool_use");
        assertThat(toolUse.get("id").stringValue()).startsWith("call_");
        assertThat(toolUse.get("name").stringValue()).isEqualTo("get_weather");
        assertThat(toolUse.get("input").toString()).isEqualTo("{\"city\":\"Paris\",\"unit\":\"fahrenheit\"}");

        JsonNode second = postOk(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s], "messages": [
                  {"role": "user", "content": "What's the weather in Paris in fahrenheit?"},
                  {"role": "assistant", "content": %s},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "%s", "content": "64F and sunny"}]}]}"""
                .formatted(WEATHER_TOOL, first.get("content"), toolUse.get("id").stringValue()));
        assertThat(second.get("stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(types(second.get("content"))).containsExactly("text");
        assertThat(second.at("/content/0/text").stringValue()).contains("get_weather").contains("64F and sunny");
    }

    @Test
    void toolsAreNotCalledWhenThePromptIsOffTopicOrToolChoiceIsNone() throws Exception {
        JsonNode offTopic = postOk(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s], "messages": [{"role": "user", "content": "Tell me a joke"}]}"""
                .formatted(WEATHER_TOOL));
        JsonNode none = postOk(MESSAGES, """
                {"model": "MiniMax-M3", "tools": [%s], "tool_choice": {"type": "none"},
                 "messages": [{"role": "user", "content": "Weather in Paris?"}]}""".formatted(WEATHER_TOOL));
        assertThat(types(offTopic.get("content"))).containsExactly("text");
        assertThat(types(none.get("content"))).containsExactly("text");
    }

    @Test
    void maxTokensCutsTheReply() throws Exception {
        JsonNode message = postOk(MESSAGES, """
                {"model": "MiniMax-M2.7", "max_tokens": 5, "messages": [{"role": "user", "content": "Hello there"}]}""");
        assertThat(message.get("stop_reason").stringValue()).isEqualTo("max_tokens");
        assertThat(message.at("/usage/output_tokens").asInt()).isLessThanOrEqualTo(5);
    }

    @Test
    void toolSubjectIsTheToolNameWithoutItsVerb() {
        assertThat(ToolCallPlanner.subjectWords("get_current_weather")).containsExactly("weather");
        assertThat(ToolCallPlanner.subjectWords("lookupStockPrice")).containsExactly("stock", "price");
        assertThat(ToolCallPlanner.subjectWords("search")).containsExactly("search");
    }

    // --- Messages streaming

    @Test
    void streamFollowsTheAnthropicEventOrderAndMatchesThePlainReply() throws Exception {
        String request = """
                {"model": "MiniMax-M3", "thinking": {"type": "adaptive"}, %s
                 "messages": [{"role": "user", "content": "Explain streams in Java"}]}""";
        JsonNode plain = postOk(MESSAGES, request.formatted(""));
        List<SseEvent> events = stream(MESSAGES, request.formatted("\"stream\": true,"));

        List<String> order = new ArrayList<>();
        for (SseEvent event : events) {
            String step = event.name().equals("content_block_delta") ? event.data().at("/delta/type").stringValue()
                    : event.name();
            if (order.isEmpty() || !order.get(order.size() - 1).equals(step)) {
                order.add(step);
            }
            assertThat(event.data().get("type").stringValue()).isEqualTo(event.name().equals("content_block_delta")
                    ? "content_block_delta" : event.name());
        }
        assertThat(order).containsExactly("message_start", "ping", "content_block_start", "thinking_delta",
                "signature_delta", "content_block_stop", "content_block_start", "text_delta", "content_block_stop",
                "message_delta", "message_stop");

        JsonNode start = events.get(0).data().get("message");
        assertThat(start.get("model").stringValue()).isEqualTo("MiniMax-M3");
        assertThat(start.at("/usage/input_tokens").asInt()).isEqualTo(plain.at("/usage/input_tokens").asInt());
        assertThat(start.at("/usage/output_tokens").asInt()).isEqualTo(1);
        assertThat(concat(events, "thinking_delta", "thinking")).isEqualTo(plain.at("/content/0/thinking").stringValue());
        assertThat(concat(events, "signature_delta", "signature")).isEqualTo(plain.at("/content/0/signature").stringValue());
        assertThat(concat(events, "text_delta", "text")).isEqualTo(plain.at("/content/1/text").stringValue());
        JsonNode messageDelta = events.get(events.size() - 2).data();
        assertThat(messageDelta.at("/delta/stop_reason").stringValue()).isEqualTo("end_turn");
        assertThat(messageDelta.at("/usage/output_tokens").asInt()).isEqualTo(plain.at("/usage/output_tokens").asInt());
        assertThat(events).filteredOn((event) -> event.data().at("/delta/type").stringValue("").equals("text_delta"))
                .hasSizeGreaterThan(3);
    }

    @Test
    void streamedToolUseSendsInputJsonDeltas() throws Exception {
        List<SseEvent> events = stream(MESSAGES, """
                {"model": "MiniMax-M3", "stream": true, "tools": [%s],
                 "messages": [{"role": "user", "content": "Is it raining? Check the weather in New York."}]}"""
                .formatted(WEATHER_TOOL));
        SseEvent toolStart = events.stream().filter((event) -> event.name().equals("content_block_start")
                && event.data().at("/content_block/type").stringValue().equals("tool_use")).findFirst().orElseThrow();
        assertThat(toolStart.data().at("/content_block/name").stringValue()).isEqualTo("get_weather");
        assertThat(toolStart.data().at("/content_block/input").isEmpty()).isTrue();
        assertThat(this.json.readTree(concat(events, "input_json_delta", "partial_json")).toString())
                .isEqualTo("{\"city\":\"New York\",\"unit\":\"celsius\"}");
        assertThat(events.get(events.size() - 2).data().at("/delta/stop_reason").stringValue()).isEqualTo("tool_use");
    }

    @Test
    void streamEventsArriveOverTime() throws Exception {
        try (MiniMaxSimulator paced = new MiniMaxSimulator(Duration.ofMillis(30)).start()) {
            assertThat(paced.streamDelay()).isEqualTo(Duration.ofMillis(30));
            List<SseEvent> events = streamFrom(paced.baseUrl() + MESSAGES, """
                    {"model": "MiniMax-M3", "stream": true, "messages": [{"role": "user", "content": "Hello"}]}""");
            long deltas = events.stream().filter((event) -> event.name().equals("content_block_delta")).count();
            long spreadMillis = (events.get(events.size() - 1).receivedNanos() - events.get(0).receivedNanos())
                    / 1_000_000;
            assertThat(deltas).isGreaterThan(5);
            // Every delta waits 30 ms first, so the last event comes at least (deltas x 30 ms) after the first.
            assertThat(spreadMillis).isGreaterThanOrEqualTo(deltas * 25);
        }
    }

    // --- totals

    @Test
    void tokenTotalsEqualTheUsageServed() throws Exception {
        long input = 0;
        long cacheRead = 0;
        long output = 0;
        for (String prompt : List.of("Hi", "Write a haiku about autumn", "Weather in Rome?")) {
            JsonNode usage = postOk(MESSAGES, """
                    {"model": "MiniMax-M2.7", "tools": [%s], "messages": [{"role": "user", "content": "%s"}]}"""
                    .formatted(WEATHER_TOOL, prompt)).get("usage");
            input += usage.get("input_tokens").asInt() + usage.get("cache_read_input_tokens").asInt()
                    + usage.get("cache_creation_input_tokens").asInt();
            cacheRead += usage.get("cache_read_input_tokens").asInt();
            output += usage.get("output_tokens").asInt();
        }
        List<SseEvent> events = stream(MESSAGES, """
                {"model": "MiniMax-M3", "stream": true, "messages": [{"role": "user", "content": "Stream me"}]}""");
        input += events.get(0).data().at("/message/usage/input_tokens").asInt();
        output += events.get(events.size() - 2).data().at("/usage/output_tokens").asInt();
        assertThat(this.simulator.messagesTotals()).isEqualTo(new TokenTotals(4, input, cacheRead, output));

        JsonNode chatUsage = postOk(CHAT, chatMessage("MiniMax-M3", "Hi", "")).get("usage");
        List<String> chunks = chatStream(chatMessage("MiniMax-M3", "Hi again", "\"stream\": true, "
                + "\"stream_options\": {\"include_usage\": true},"));
        JsonNode streamedUsage = this.json.readTree(chunks.get(chunks.size() - 2)).get("usage");
        assertThat(this.simulator.chatCompletionsTotals()).isEqualTo(new TokenTotals(2,
                chatUsage.get("prompt_tokens").asInt() + streamedUsage.get("prompt_tokens").asInt(), 0,
                chatUsage.get("completion_tokens").asInt() + streamedUsage.get("completion_tokens").asInt()));

        this.simulator.resetTotals();
        assertThat(this.simulator.messagesTotals()).isEqualTo(TokenTotals.EMPTY);
    }

    // --- errors

    @Test
    void missingOrBlankKeyIsRejectedWithAnthropicStyleError() throws Exception {
        String body = userMessage("MiniMax-M3", "Hi");
        HttpResponse<String> noKey = send(MESSAGES, body, null, null);
        assertThat(noKey.statusCode()).isEqualTo(401);
        JsonNode error = this.json.readTree(noKey.body());
        assertThat(error.get("type").stringValue()).isEqualTo("error");
        assertThat(error.at("/error/type").stringValue()).isEqualTo("authentication_error");
        assertThat(error.at("/error/message").stringValue()).isNotBlank();
        assertThat(send(MESSAGES, body, "Authorization", "Bearer  ").statusCode()).isEqualTo(401);
        assertThat(send(MESSAGES, body, "x-api-key", "sk-test").statusCode()).isEqualTo(200);
        assertThat(this.simulator.messagesTotals().responses()).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreRejectedWith400() throws Exception {
        HttpResponse<String> badJson = send(MESSAGES, "{\"model\": ", "Authorization", "Bearer k");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(badJson.body()).at("/error/type").stringValue())
                .isEqualTo("bad_request_error");
        assertThat(send(MESSAGES, "{\"model\": \"MiniMax-M3\"}", "Authorization", "Bearer k").statusCode())
                .isEqualTo(400);
        assertThat(send(MESSAGES, "{\"model\": \"MiniMax-M3\", \"messages\": []}", "Authorization", "Bearer k")
                .statusCode()).isEqualTo(400);
        assertThat(send(COUNT_TOKENS, "[]", "Authorization", "Bearer k").statusCode()).isEqualTo(400);
        HttpResponse<String> chat = send(CHAT, chatMessage("MiniMax-M3", "Hi", "\"temperature\": 3,"),
                "Authorization", "Bearer k");
        assertThat(chat.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(chat.body()).at("/error/type").stringValue()).isEqualTo("bad_request_error");
        assertThat(this.json.readTree(chat.body()).at("/error/message").stringValue())
                .startsWith("invalid params, temperature").endsWith("(2013)");
        assertThat(this.simulator.messagesTotals()).isEqualTo(TokenTotals.EMPTY);
    }

    @Test
    void imagesCountTokensOnM3AndAreRejectedForTextOnlyModels() throws Exception {
        String request = """
                {"model": "%s", "messages": [{"role": "user", "content": [{"type": "text", "text": "What is this?"},
                  {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.png"}}]}]}""";
        assertThat(postOk(MESSAGES, request.formatted("MiniMax-M3")).at("/usage/input_tokens").asInt())
                .isGreaterThan(TokenEstimator.IMAGE_TOKENS);
        HttpResponse<String> m2 = send(MESSAGES, request.formatted("MiniMax-M2.7"), "Authorization", "Bearer k");
        assertThat(m2.statusCode()).isEqualTo(400);
        assertThat(m2.body()).contains("bad_request_error").contains("MiniMax-M3");
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(send("/v1/messages", userMessage("MiniMax-M3", "Hi"), "Authorization", "Bearer k").statusCode())
                .isEqualTo(404);
    }

    // --- Chat Completions API

    @Test
    void chatCompletionInlinesThinkingInContent() throws Exception {
        JsonNode completion = postOk(CHAT, chatMessage("MiniMax-M3", "Hello", ""));
        assertThat(completion.get("object").stringValue()).isEqualTo("chat.completion");
        assertThat(completion.get("model").stringValue()).isEqualTo("MiniMax-M3");
        JsonNode choice = completion.at("/choices/0");
        assertThat(choice.get("finish_reason").stringValue()).isEqualTo("stop");
        assertThat(choice.at("/message/role").stringValue()).isEqualTo("assistant");
        assertThat(choice.at("/message/content").stringValue()).startsWith("<think>\n").contains("\n</think>\n")
                .endsWith(replyText(userMessage("MiniMax-M3", "Hello")));
        assertThat(choice.get("message").has("reasoning_content")).isFalse();
        JsonNode usage = completion.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
        assertThat(completion.get("input_sensitive").asBoolean()).isFalse();
        assertThat(completion.get("output_sensitive").asBoolean()).isFalse();
        assertThat(completion.at("/base_resp/status_code").asInt()).isZero();
    }

    @Test
    void chatCompletionWithReasoningSplitSeparatesReasoning() throws Exception {
        JsonNode message = postOk(CHAT, chatMessage("MiniMax-M2.7", "Hello", "\"reasoning_split\": true,"))
                .at("/choices/0/message");
        assertThat(message.get("content").stringValue()).doesNotContain("<think>").isNotBlank();
        String reasoning = message.get("reasoning_content").stringValue();
        assertThat(reasoning).isNotBlank();
        JsonNode detail = message.at("/reasoning_details/0");
        assertThat(detail.get("type").stringValue()).isEqualTo("reasoning.text");
        assertThat(detail.get("id").stringValue()).isEqualTo("reasoning-text-1");
        assertThat(detail.get("format").stringValue()).isEqualTo("MiniMax-response-v1");
        assertThat(detail.get("index").asInt()).isZero();
        assertThat(detail.get("text").stringValue()).isEqualTo(reasoning);
    }

    @Test
    void chatCompletionWithoutThinkingForM3WhenDisabled() throws Exception {
        JsonNode message = postOk(CHAT, chatMessage("MiniMax-M3", "Hello", "\"thinking\": {\"type\": \"disabled\"},"))
                .at("/choices/0/message");
        assertThat(message.get("content").stringValue()).doesNotContain("<think>");
    }

    @Test
    void chatToolCallsThenToolMessageRoundTrip() throws Exception {
        String prompt = "What is the weather like in Berlin?";
        JsonNode first = postOk(CHAT, """
                {"model": "MiniMax-M3", "tools": [%s], "messages": [{"role": "user", "content": "%s"}]}"""
                .formatted(WEATHER_FUNCTION, prompt)).at("/choices/0");
        assertThat(first.get("finish_reason").stringValue()).isEqualTo("tool_calls");
        JsonNode call = first.at("/message/tool_calls/0");
        assertThat(call.get("id").stringValue()).startsWith("call_");
        assertThat(call.get("type").stringValue()).isEqualTo("function");
        assertThat(call.at("/function/name").stringValue()).isEqualTo("get_weather");
        assertThat(call.at("/function/arguments").stringValue()).isEqualTo("{\"city\":\"Berlin\"}");

        JsonNode second = postOk(CHAT, """
                {"model": "MiniMax-M3", "tools": [%s], "messages": [{"role": "user", "content": "%s"},
                  {"role": "assistant", "content": "", "tool_calls": [%s]},
                  {"role": "tool", "tool_call_id": "%s", "content": "12C, light rain"}]}"""
                .formatted(WEATHER_FUNCTION, prompt, call, call.get("id").stringValue())).at("/choices/0");
        assertThat(second.get("finish_reason").stringValue()).isEqualTo("stop");
        assertThat(second.at("/message/content").stringValue()).contains("get_weather").contains("12C, light rain");
        assertThat(second.at("/message").has("tool_calls")).isFalse();
    }

    // --- Chat Completions streaming

    @Test
    void chatStreamEndsWithUsageChunkThenDone() throws Exception {
        JsonNode plain = postOk(CHAT, chatMessage("MiniMax-M3", "Tell me about Rust", ""));
        List<String> chunks = chatStream(chatMessage("MiniMax-M3", "Tell me about Rust",
                "\"stream\": true, \"stream_options\": {\"include_usage\": true},"));
        assertThat(chunks.get(chunks.size() - 1)).isEqualTo("[DONE]");
        JsonNode usageChunk = this.json.readTree(chunks.get(chunks.size() - 2));
        assertThat(usageChunk.get("choices").isEmpty()).isTrue();
        assertThat(usageChunk.at("/usage/completion_tokens").asInt())
                .isEqualTo(plain.at("/usage/completion_tokens").asInt());
        JsonNode finalChunk = this.json.readTree(chunks.get(chunks.size() - 3));
        assertThat(finalChunk.at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");

        StringBuilder content = new StringBuilder();
        for (String chunk : chunks.subList(0, chunks.size() - 3)) {
            JsonNode node = this.json.readTree(chunk);
            assertThat(node.get("object").stringValue()).isEqualTo("chat.completion.chunk");
            assertThat(node.at("/choices/0/finish_reason").isNull()).isTrue();
            content.append(node.at("/choices/0/delta/content").stringValue());
        }
        assertThat(chunks.size()).isGreaterThan(5);
        assertThat(this.json.readTree(chunks.get(0)).at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
        assertThat(content.toString()).isEqualTo(plain.at("/choices/0/message/content").stringValue());
    }

    @Test
    void chatStreamWithReasoningSplitAndNoUsageOption() throws Exception {
        List<String> chunks = chatStream(chatMessage("MiniMax-M3", "Hello", "\"stream\": true, \"reasoning_split\": true,"));
        assertThat(chunks.get(chunks.size() - 1)).isEqualTo("[DONE]");
        assertThat(chunks).noneMatch((chunk) -> chunk.contains("\"usage\"") || chunk.contains("<think>"));
        StringBuilder reasoning = new StringBuilder();
        for (String chunk : chunks.subList(0, chunks.size() - 1)) {
            JsonNode delta = this.json.readTree(chunk).at("/choices/0/delta");
            if (delta.has("reasoning_content")) {
                reasoning.append(delta.get("reasoning_content").stringValue());
            }
        }
        assertThat(reasoning.toString()).isEqualTo(postOk(CHAT, chatMessage("MiniMax-M3", "Hello",
                "\"reasoning_split\": true,")).at("/choices/0/message/reasoning_content").stringValue());
    }

    @Test
    void chatStreamSendsToolCallArgumentFragments() throws Exception {
        List<String> chunks = chatStream("""
                {"model": "MiniMax-M3", "stream": true, "tools": [%s],
                 "messages": [{"role": "user", "content": "Weather for Buenos Aires please"}]}"""
                .formatted(WEATHER_FUNCTION));
        StringBuilder arguments = new StringBuilder();
        String name = null;
        for (String chunk : chunks.subList(0, chunks.size() - 1)) {
            JsonNode call = this.json.readTree(chunk).at("/choices/0/delta/tool_calls/0");
            if (!call.isMissingNode()) {
                assertThat(call.get("index").asInt()).isZero();
                name = (name != null) ? name : call.at("/function/name").stringValue();
                arguments.append(call.at("/function/arguments").stringValue());
            }
        }
        assertThat(name).isEqualTo("get_weather");
        assertThat(arguments.toString()).isEqualTo("{\"city\":\"Buenos Aires\"}");
        assertThat(this.json.readTree(chunks.get(chunks.size() - 2)).at("/choices/0/finish_reason").stringValue())
                .isEqualTo("tool_calls");
    }

    // --- conversations and simulated failures

    @Test
    void aSecondTurnQuotesTheFirstSoATestCanTellTheHistoryWasSent() throws Exception {
        JsonNode first = postOk(MESSAGES, userMessage("MiniMax-M3", "My name is Ada"));
        String second = this.json.writeValueAsString(this.json.readTree("""
                {"model": "MiniMax-M3", "messages": [{"role": "user", "content": "My name is Ada"},
                 {"role": "assistant", "content": %s}, {"role": "user", "content": "What is my name?"}]}"""
            .formatted(first.get("content").toString())));

        String answer = replyText(second);

        assertThat(answer).contains("What is my name?").contains("Earlier you said \"My name is Ada\"");
        assertThat(replyText(userMessage("MiniMax-M3", "What is my name?"))).doesNotContain("Earlier");
    }

    @Test
    void aThinkingBlockSentBackChangedOrUnsignedIsRejected() throws Exception {
        JsonNode first = postOk(MESSAGES, userMessage("MiniMax-M2.7", "Think about tea"));
        JsonNode thinking = first.get("content").get(0);
        assertThat(thinking.get("type").stringValue()).isEqualTo("thinking");
        String unchanged = thinking.toString();
        String changed = ((tools.jackson.databind.node.ObjectNode) thinking.deepCopy()).put("thinking", "I changed this")
            .toString();
        String template = """
                {"model": "MiniMax-M2.7", "messages": [{"role": "user", "content": "Think about tea"},
                 {"role": "assistant", "content": [%s]}, {"role": "user", "content": "And coffee?"}]}""";

        assertThat(send(MESSAGES, template.formatted(unchanged), "x-api-key", "k").statusCode()).isEqualTo(200);
        HttpResponse<String> rejected = send(MESSAGES, template.formatted(changed), "x-api-key", "k");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("signature");
    }

    @Test
    void aPromptCanAskForAKnownErrorOnEitherApiAndIsNotBilled() throws Exception {
        this.simulator.resetTotals();
        HttpResponse<String> overloaded = send(MESSAGES, userMessage("MiniMax-M3", "hi #simulate-error=529"),
                "x-api-key", "k");
        HttpResponse<String> badRequest = send(CHAT, chatMessage("MiniMax-M3", "hi #simulate-error=400", ""),
                "Authorization", "Bearer k");

        assertThat(overloaded.statusCode()).isEqualTo(529);
        assertThat(overloaded.body()).contains("overloaded_error");
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(badRequest.body()).contains("#simulate-error=400");
        assertThat(send(MESSAGES, userMessage("MiniMax-M3", "#simulate-error=418"), "x-api-key", "k").statusCode())
            .isEqualTo(400);
        assertThat(this.simulator.messagesTotals().inputTokens()).isZero();
    }

    // --- helpers

    private static String userMessage(String model, String text) {
        return "{\"model\": \"%s\", \"messages\": [{\"role\": \"user\", \"content\": \"%s\"}]}".formatted(model, text);
    }

    private static String chatMessage(String model, String text, String extraFields) {
        return "{%s \"model\": \"%s\", \"messages\": [{\"role\": \"user\", \"content\": \"%s\"}]}"
                .formatted(extraFields, model, text);
    }

    private String replyText(String request) throws Exception {
        JsonNode content = postOk(MESSAGES, request).get("content");
        return content.get(content.size() - 1).get("text").stringValue();
    }

    private static List<String> types(JsonNode content) {
        List<String> types = new ArrayList<>();
        content.forEach((block) -> types.add(block.get("type").stringValue()));
        return types;
    }

    private JsonNode postOk(String path, String body) throws Exception {
        HttpResponse<String> response = send(path, body, "Authorization", "Bearer test-key");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return this.json.readTree(response.body());
    }

    private HttpResponse<String> send(String path, String body, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<SseEvent> stream(String path, String body) throws Exception {
        return streamFrom(this.simulator.baseUrl() + path, body);
    }

    /** Reads an Anthropic SSE stream line by line as it arrives, noting when each event completed. */
    private List<SseEvent> streamFrom(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("x-api-key", "test-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        List<SseEvent> events = new ArrayList<>();
        String name = null;
        String data = null;
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                }
                else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
                else if (line.isEmpty() && data != null) {
                    events.add(new SseEvent(name, this.json.readTree(data), System.nanoTime()));
                    name = null;
                    data = null;
                }
            }
        }
        assertThat(events).isNotEmpty();
        return events;
    }

    /** Reads an OpenAI-style stream: the payload of every {@code data:} line, {@code [DONE]} included. */
    private List<String> chatStream(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + CHAT))
                .header("Authorization", "Bearer test-key").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Stream<String>> response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            return lines.filter((line) -> line.startsWith("data: ")).map((line) -> line.substring(6)).toList();
        }
    }

    private static String concat(List<SseEvent> events, String deltaType, String field) {
        StringBuilder text = new StringBuilder();
        for (SseEvent event : events) {
            JsonNode delta = event.data().path("delta");
            if (event.name().equals("content_block_delta") && delta.path("type").stringValue("").equals(deltaType)) {
                text.append(delta.get(field).stringValue());
            }
        }
        return text.toString();
    }

    private record SseEvent(String name, JsonNode data, long receivedNanos) {
    }
}
