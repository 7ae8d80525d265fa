package io.github.minimax4j.sample.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/assistant} over HTTP on the offline simulator: Spring AI's ChatClient on the MiniMax chat
 * model, with chat memory per conversation id and the weather {@code @Tool}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.simulator.stream-delay=0ms")
class AssistantApiTests {

    @LocalServerPort
    private int port;

    @Autowired
    private WeatherTool weather;

    private ResponseEntity<String> exchange(String json) {
        return RestClient.builder()
            .baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build()
            .post()
            .uri("/api/assistant")
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .retrieve()
            .toEntity(String.class);
    }

    private JsonNode ask(String conversationId, String prompt) {
        ResponseEntity<String> response = exchange(JsonMapper.shared()
            .writeValueAsString(Map.of("conversationId", conversationId, "prompt", prompt)));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getBody());
    }

    @Test
    void multiTurnConversationWithTheWeatherToolAndMemory() {
        JsonNode first = ask("trip-1", "What is the weather in Paris?");

        assertThat(first.path("answer").asString()).startsWith("According to get_weather:")
            .contains(this.weather.run(Map.of("city", "Paris")));
        assertThat(first.path("thinking").asString()).as("adaptive thinking, kept out of the answer")
            .contains("get_weather").isNotEqualTo(first.path("answer").asString());
        assertThat(first.path("remembered").asInt()).as("the user turn and the final answer").isEqualTo(2);

        JsonNode second = ask("trip-1", "Thanks! Summarise our chat");
        JsonNode fresh = ask("other-trip", "Thanks! Summarise our chat");

        assertThat(second.path("answer").asString()).contains("Summarise our chat");
        assertThat(second.path("remembered").asInt()).isEqualTo(4);
        assertThat(fresh.path("remembered").asInt()).as("conversations are kept apart").isEqualTo(2);
        assertThat(second.path("usage").path("input").asLong())
            .as("the remembered turns are sent with the question")
            .isGreaterThan(fresh.path("usage").path("input").asLong());
        // The simulator quotes the user's earlier turn only when the history reached it.
        assertThat(second.path("answer").asString())
            .contains("Earlier you said \"What is the weather in Paris?\"");
        assertThat(fresh.path("answer").asString()).doesNotContain("Earlier you said");
    }

    @Test
    void aMissingConversationIdIsABadRequest() {
        ResponseEntity<String> response = exchange("{\"prompt\":\"Hi\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("conversationId must not be empty");
    }
}
