package io.github.minimax4j.sample.web;

import java.time.Duration;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import io.github.minimax4j.test.simulator.SimulatedReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MiniMax's failures as the app meets them in offline mode, scripted on its own simulator: a rate limit
 * reaches the browser as 429, and a stream cut mid-reply ends with the text so far and an {@code error}
 * event, never a {@code done} that would make a half reply look complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "minimax.retry.max-retries=0", "sample.simulator.stream-delay=0ms" })
class OfflineFailuresTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MiniMaxSimulator simulator;

    @BeforeEach
    void resetSimulator() {
        this.simulator.reset();
    }

    @Test
    void aRateLimitIs429WithTheClientsMessage() {
        this.simulator.replyNext(SimulatedReply.rateLimited(Duration.ofSeconds(4)));
        ResponseEntity<String> response = post("/api/chat", MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).isEqualTo(429);
        assertThat(response.getBody()).contains("HTTP 429", "4000 ms");
    }

    @Test
    void aStreamCutMidReplyEndsWithAnErrorEventAfterTheTextSoFar() {
        this.simulator.replyNext(SimulatedReply.text("The first words arrive and then the line goes dead").cutAfter(5));
        ResponseEntity<String> response = post("/api/chat/stream", MediaType.TEXT_EVENT_STREAM);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("event:text", "The first words", "event:error")
            .doesNotContain("event:done").doesNotContain("line goes dead");
        assertThat(this.simulator.lastRequest().streamed()).isTrue();
    }

    private ResponseEntity<String> post(String path, MediaType accept) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + this.port)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build().post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(accept)
            .body("{\"prompt\":\"Hello\",\"thinking\":false}").retrieve().toEntity(String.class);
    }
}
