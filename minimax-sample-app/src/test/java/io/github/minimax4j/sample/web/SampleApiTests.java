package io.github.minimax4j.sample.web;

import java.util.ArrayList;
import java.util.List;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the sample over HTTP, on the offline simulator (no API key in the test). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.simulator.stream-delay=0ms")
class SampleApiTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MiniMaxSimulator simulator;

    @Autowired
    private Environment environment;

    private RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build();
    }

    private JsonNode post(String path, String json) {
        String body = http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
            .body(String.class);
        return JsonMapper.shared().readTree(body);
    }

    @Test
    void runsOnTheOfflineSimulatorWhenNoKeyIsSet() {
        assertThat(this.environment.getProperty("minimax.base-url")).isEqualTo(this.simulator.baseUrl());
        assertThat(this.environment.getProperty("minimax.api-key")).isEqualTo("offline-simulator");
        assertThat(this.simulator.isRunning()).isTrue();
    }

    @Test
    void chatAnswersWithTextThinkingAndUsage() {
        JsonNode reply = post("/api/chat", "{\"prompt\":\"Explain SSE in one line\"}");

        assertThat(reply.path("text").asString()).contains("Explain SSE in one line");
        assertThat(reply.path("thinking").asString()).isNotBlank();
        assertThat(reply.path("model").asString()).isEqualTo("MiniMax-M3");
        assertThat(reply.path("stopReason").asString()).isEqualTo("end_turn");
        assertThat(reply.path("usage").path("input").asLong()).isPositive();
        assertThat(reply.path("usage").path("total").asLong()).isEqualTo(
                reply.path("usage").path("input").asLong() + reply.path("usage").path("output").asLong());
    }

    @Test
    void chatWithoutThinkingHasNone() {
        JsonNode reply = post("/api/chat", "{\"prompt\":\"Hi\",\"thinking\":false}");

        assertThat(reply.path("thinking").asString()).isEmpty();
        assertThat(reply.path("text").asString()).isNotBlank();
    }

    @Test
    void streamSendsThinkingThenTextThenUsageThenDone() {
        String body = http().post().uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.TEXT_EVENT_STREAM).body("{\"prompt\":\"Tell me about streams\"}").retrieve()
            .body(String.class);
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        for (String event : body.split("\n\n")) {
            String name = event.lines().filter((line) -> line.startsWith("event:")).map((line) -> line.substring(6))
                .findFirst().orElse("");
            String data = event.lines().filter((line) -> line.startsWith("data:")).map((line) -> line.substring(5))
                .findFirst().orElse("{}");
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
            if (name.equals("text")) {
                text.append(JsonMapper.shared().readTree(data).path("text").asString());
            }
            if (name.equals("usage")) {
                usage = JsonMapper.shared().readTree(data);
            }
        }

        assertThat(names).containsExactly("thinking", "text", "usage", "done");
        assertThat(text.toString()).contains("Tell me about streams");
        assertThat(usage.path("input").asLong()).isPositive();
        assertThat(usage.path("output").asLong()).isPositive();
    }

    @Test
    void weatherToolRoundTripRunsTheToolAndAnswersWithItsResult() {
        JsonNode reply = post("/api/tools/weather", "{\"prompt\":\"What's the weather in Lisbon?\"}");

        JsonNode call = reply.path("toolCalls").get(0);
        assertThat(call.path("name").asString()).isEqualTo("get_weather");
        assertThat(call.path("input").path("city").asString()).isEqualTo("Lisbon");
        assertThat(call.path("result").asString()).startsWith("Lisbon: ").contains("°C");
        assertThat(reply.path("answer").asString()).contains(call.path("result").asString());
    }

    @Test
    void theToolEndpointReportsTheUsageOfEveryCallOfTheRoundTrip() {
        this.simulator.resetTotals();

        JsonNode reply = post("/api/tools/weather", "{\"prompt\":\"What's the weather in Oslo?\"}");

        assertThat(this.simulator.messagesTotals().responses()).isEqualTo(2); // the tool call, then the answer
        assertThat(reply.path("usage").path("input").asLong()).isEqualTo(this.simulator.messagesTotals().inputTokens());
        assertThat(reply.path("usage").path("output").asLong()).isEqualTo(this.simulator.messagesTotals().outputTokens());
        assertThat(reply.path("usage").path("cacheRead").asLong())
            .isEqualTo(this.simulator.messagesTotals().cacheReadInputTokens());
    }

    @Test
    void aFollowUpWithTheHistoryIsAnsweredInContextAndItsThinkingGoesBackSigned() {
        JsonNode first = post("/api/chat", "{\"prompt\":\"My name is Ada\"}");
        JsonNode content = first.path("content");
        assertThat(content.get(0).path("type").asString()).isEqualTo("thinking");
        assertThat(content.get(0).path("signature").asString()).matches("[0-9a-f]{64}");
        String history = "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"My name is Ada\"}]},"
                + "{\"role\":\"assistant\",\"content\":" + content + "}]";

        JsonNode second = post("/api/chat", "{\"prompt\":\"What is my name?\",\"history\":" + history + "}");

        assertThat(second.path("text").asString()).contains("Earlier you said \"My name is Ada\"");
        String tampered = history.replace(content.get(0).path("signature").asString(), "0".repeat(64));
        var rejected = http().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
            .body("{\"prompt\":\"What is my name?\",\"history\":" + tampered + "}").retrieve().toEntity(String.class);
        assertThat(rejected.getStatusCode().value()).isEqualTo(502);
        assertThat(rejected.getBody()).contains("signature");
    }

    @Test
    void aHistoryTurnWithAnUnknownRoleIsA400() {
        var response = http().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON)
            .body("{\"prompt\":\"hi\",\"history\":[{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]}")
            .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("role must be user or assistant");
    }

    @Test
    void servesAFavicon() {
        var favicon = http().get().uri("/favicon.ico").retrieve().toEntity(byte[].class);
        assertThat(favicon.getStatusCode().value()).isEqualTo(200);
        assertThat(favicon.getBody()).startsWith(0, 0, 1, 0); // an ICO header
    }

    @Test
    void prometheusShowsOnlyTheDocumentedMiniMaxSeries() {
        post("/api/tokens", "{\"prompt\":\"count me\"}");
        http().post().uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON)
            .body("{\"prompt\":\"stream me\"}").retrieve().body(String.class);

        String prometheus = http().get().uri("/actuator/prometheus").retrieve().body(String.class);

        List<String> minimaxLines = prometheus.lines()
            .filter((line) -> line.startsWith("gen_ai_") || line.startsWith("minimax_")).toList();
        assertThat(minimaxLines).isNotEmpty().noneMatch((line) -> line.matches(".*[{,]error=\".*"))
            .noneMatch((line) -> line.contains("_active_")).noneMatch((line) -> line.contains("first_chunk_total"))
            .noneMatch((line) -> line.startsWith("gen_ai_client_token_usage") && line.contains("count_tokens"));
        assertThat(prometheus).containsPattern("gen_ai_client_operation_time_to_first_chunk_seconds_count\\{[^}]*"
                + "gen_ai_response_model=\"MiniMax-M3\"")
            .contains("gen_ai_client_operation_time_per_output_chunk_seconds_count{")
            .containsPattern("# HELP gen_ai_client_operation_duration_seconds \\S");
        assertThat(minimaxLines.stream().filter((line) -> line.startsWith("gen_ai_client_operation_duration_seconds_bucket{")
                && line.contains("gen_ai_operation_name=\"count_tokens\"") && line.contains("error_type=\"none\"")))
            .hasSize(15);
    }

    @Test
    void countsTokens() {
        JsonNode count = post("/api/tokens", "{\"prompt\":\"How many tokens is this prompt?\"}");

        assertThat(count.path("inputTokens").asInt()).isPositive();
    }

    @Test
    void rejectsEmptyAndOversizedPromptsWith400() {
        for (String body : List.of("{\"prompt\":\"   \"}", "{}", "{\"prompt\":\"" + "x".repeat(8_001) + "\"}",
                "not json")) {
            var response = http().post().uri("/api/chat").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
            assertThat(response.getStatusCode().value()).as(body.substring(0, Math.min(20, body.length())))
                .isEqualTo(400);
            assertThat(JsonMapper.shared().readTree(response.getBody()).path("error").asString()).isNotBlank();
        }
        var stream = http().post().uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON)
            .body("{\"prompt\":\"\"}").retrieve().toEntity(String.class);
        assertThat(stream.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void healthShowsMiniMaxUpAndPrometheusIsExposed() {
        post("/api/chat", "{\"prompt\":\"warm up\"}");
        JsonNode health = JsonMapper.shared().readTree(http().get().uri("/actuator/health").retrieve().body(String.class));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("minimax").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("minimax").path("details").path("url").asString())
            .isEqualTo(this.simulator.baseUrl().replaceAll("/$", "") + "/anthropic/v1/messages/count_tokens");
        assertThat(health.toString()).doesNotContain("offline-simulator");
        String prometheus = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(prometheus).contains("jvm_memory_used_bytes");
        // The client is built on Boot's RestClient.Builder, so Boot's HTTP client metrics see its calls.
        assertThat(prometheus).containsPattern("http_client_requests_seconds_count\\{[^}]*uri=\"[^\"]*\"");
    }

    @Test
    void theSimulatorServedWhatTheAppReported() {
        this.simulator.resetTotals();
        JsonNode one = post("/api/chat", "{\"prompt\":\"first\"}");
        JsonNode two = post("/api/chat", "{\"prompt\":\"second one\"}");

        assertThat(this.simulator.messagesTotals().inputTokens())
            .isEqualTo(one.path("usage").path("input").asLong() + two.path("usage").path("input").asLong());
        assertThat(this.simulator.messagesTotals().outputTokens())
            .isEqualTo(one.path("usage").path("output").asLong() + two.path("usage").path("output").asLong());
    }
}
