package io.github.minimax4j.sample.web;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

/**
 * With a key set the app talks to the configured MiniMax (here a MockServer) and no simulator starts;
 * MiniMax's failures reach the browser as 429 / 502 with the client's message, or as a stream's
 * {@code error} event, never with the key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "minimax.api-key=" + ApiErrorsTests.KEY, "minimax.retry.max-retries=0" })
class ApiErrorsTests {

    static final String KEY = "sk-sample-test-not-a-real-key";

    private static final ClientAndServer minimax = ClientAndServer.startClientAndServer(0);

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void minimaxAtMockServer(DynamicPropertyRegistry registry) {
        registry.add("minimax.base-url", () -> "http://127.0.0.1:" + minimax.getLocalPort());
    }

    @AfterAll
    static void stopMockServer() {
        minimax.stop();
    }

    @BeforeEach
    void reset() {
        minimax.reset();
    }

    private void minimaxAnswers(int status, String body) {
        minimax.when(request().withMethod("POST").withPath("/anthropic/v1/messages"))
            .respond(response().withStatusCode(status).withHeader("Content-Type", "application/json").withBody(body));
    }

    private ResponseEntity<String> post(String path, MediaType accept) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build().post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(accept)
            .body("{\"prompt\":\"Hello\"}").retrieve().toEntity(String.class);
    }

    private static String error(ResponseEntity<String> response) {
        return JsonMapper.shared().readTree(response.getBody()).path("error").asString();
    }

    @Test
    void withAKeyNoSimulatorRuns() {
        assertThat(this.context.getBeanNamesForType(MiniMaxSimulator.class)).isEmpty();
    }

    @Test
    void rateLimitIs429WithTheClientsMessage() {
        minimaxAnswers(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");

        ResponseEntity<String> response = post("/api/chat", MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(error(response)).contains("HTTP 429", "slow down").doesNotContain(KEY);
    }

    @Test
    void serverErrorIs502() {
        minimaxAnswers(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");

        ResponseEntity<String> response = post("/api/chat", MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(502);
        assertThat(error(response)).contains("HTTP 500", "boom");
    }

    @Test
    void rejectedKeyIs502NamingThePropertyButNotTheKey() {
        minimaxAnswers(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"bad key\"}}");

        ResponseEntity<String> response = post("/api/chat", MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(502);
        assertThat(error(response)).contains("minimax.api-key").doesNotContain(KEY);
    }

    @Test
    void aStreamThatCannotOpenEndsWithAnErrorEvent() {
        minimaxAnswers(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");

        ResponseEntity<String> response = post("/api/chat/stream", MediaType.TEXT_EVENT_STREAM);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).startsWith("event:error").contains("HTTP 500", "boom").doesNotContain(KEY);
    }

    @Test
    void aBlankPromptToTheStreamIs400AsJsonEvenWhenTheBrowserAsksForEvents() {
        ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + this.port).post()
            .uri("/api/chat/stream").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
            .body("{\"prompt\":\" \"}").exchange((request, raw) -> ResponseEntity.status(raw.getStatusCode())
                .body(new String(raw.getBody().readAllBytes())));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("prompt must not be empty");
    }
}
