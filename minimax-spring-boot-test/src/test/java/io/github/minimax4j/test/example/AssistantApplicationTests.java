package io.github.minimax4j.test.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.test.AutoConfigureMiniMaxSimulator;
import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import io.github.minimax4j.test.simulator.ReceivedRequest;
import io.github.minimax4j.test.simulator.SimulatedReply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's typical test of their own app, as the README shows it: the app runs whole (web server, starter,
 * controller) against the simulator that {@link AutoConfigureMiniMaxSimulator} starts; each test scripts
 * what MiniMax answers and checks what the app did and what it sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "minimax.retry.max-retries=0")
@AutoConfigureMiniMaxSimulator
class AssistantApplicationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private MiniMaxSimulator simulator;

    @LocalServerPort
    private int port;

    @Test
    void answersWithWhatMiniMaxReplied() throws Exception {
        this.simulator.replyNext(SimulatedReply.text("Paris is the capital of France.").withUsage(20, 9));
        HttpResponse<String> response = post("/ask", "What is the capital of France?");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.get("answer").stringValue()).isEqualTo("Paris is the capital of France.");
        assertThat(body.get("outputTokens").asInt()).isEqualTo(9);
        MessageRequest sent = this.simulator.lastRequest().messageRequest();
        assertThat(sent.model().value()).isEqualTo("MiniMax-M3");
        assertThat(sent.maxTokens()).isEqualTo(1024);
        assertThat(this.simulator.lastRequest().prompt()).isEqualTo("What is the capital of France?");
        assertThat(this.simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void runsTheToolTheModelCallsAndSendsItsResultBack() throws Exception {
        this.simulator.whenPromptContains("umbrella")
            .thenReply(SimulatedReply.toolCall("get_weather", Map.of("city", "Lisbon")));
        HttpResponse<String> response = post("/weather", "Do I need an umbrella in Lisbon?");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.get("cities").toString()).isEqualTo("[\"Lisbon\"]");
        assertThat(body.get("answer").stringValue()).contains("Sunny, 21 C in Lisbon");
        assertThat(this.simulator.requests()).hasSize(2).allSatisfy(
                (request) -> assertThat(request.toolNames()).containsExactly("get_weather"));
        ReceivedRequest second = this.simulator.lastRequest();
        assertThat(second.hasToolResult()).isTrue();
        assertThat(second.messageRequest().allBlocks()).filteredOn(ToolResultBlock.class::isInstance)
            .singleElement().satisfies((block) -> assertThat(((ToolResultBlock) block).toolUseId()).startsWith("call_"));
    }

    @Test
    void saysBusyWhenMiniMaxRateLimits() throws Exception {
        this.simulator.replyNext(SimulatedReply.rateLimited(Duration.ofSeconds(7)));
        HttpResponse<String> response = post("/ask", "Hello");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(this.json.readTree(response.body()).get("error").stringValue())
            .isEqualTo("Assistant busy: retry in 7 s");
        assertThat(this.simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void reportsAStreamCutHalfwayAsIncompleteWithThePartialAnswer() throws Exception {
        this.simulator.replyNext(SimulatedReply.text("It rains in Lisbon today, so take an umbrella.").cutAfter(5));
        JsonNode body = this.json.readTree(post("/ask/stream", "Weather?").body());
        assertThat(body.get("complete").asBoolean()).isFalse();
        assertThat(body.get("answer").stringValue()).isEqualTo("It rains in Lisbon today, so"); // the two deltas sent before the cut

        JsonNode whole = this.json.readTree(post("/ask/stream", "Weather?").body());
        assertThat(whole.get("complete").asBoolean()).isTrue();
        assertThat(this.simulator.requests()).allSatisfy((request) -> assertThat(request.streamed()).isTrue());
    }

    private HttpResponse<String> post(String path, String prompt) throws Exception {
        String body = this.json.writeValueAsString(Map.of("prompt", prompt));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
