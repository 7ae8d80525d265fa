package io.github.minimax4j.sample.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.minimax4j.test.simulator.MiniMaxSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 browsers streaming at once (the default sample.stream.max-concurrent) are all served side by side,
 * through the app's relay pool and the simulator's server threads: together they take about as long as
 * one, and every stream ends with its usage and done events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sample.simulator.stream-delay=20ms")
class StreamControllerLoadTests {

    private static final int STREAMS = 32;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private MiniMaxSimulator simulator;

    @Test
    void thirtyTwoConcurrentStreamsAreServedSideBySide() {
        timeStreams(1); // warm-up: JIT, connections
        long single = timeStreams(1);
        this.simulator.resetTotals();
        long concurrent = timeStreams(STREAMS);

        // Queued behind 8 threads (Boot's shared executor) or 4 (the simulator's old pool) this was 4-8x.
        assertThat(concurrent).as("one stream %d ms, %d at once %d ms", single, STREAMS, concurrent)
            .isLessThan(single * 3);
        assertThat(this.simulator.messagesTotals().responses()).isEqualTo(STREAMS);
    }

    private long timeStreams(int count) {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/stream"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Stream number " + i + "\"}"))
                .build();
            replies.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> reply : replies) {
            HttpResponse<String> response = reply.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("event:text", "event:usage", "event:done").doesNotContain("event:error");
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
