package io.github.minimax4j.test.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator serves many streams at once, as a load test of the app needs: each open stream holds
 * one of its threads, so with too few threads streams would be served one batch after another.
 */
class MiniMaxSimulatorConcurrencyTests {

    private static final int STREAMS = 32;

    private static final String STREAM_REQUEST = """
            {"model": "MiniMax-M2.7", "stream": true, "max_tokens": 512,
             "messages": [{"role": "user", "content": "Tell me how concurrent streams are served"}]}""";

    private final HttpClient http = HttpClient.newHttpClient();

    private MiniMaxSimulator simulator;

    @BeforeEach
    void startSimulator() {
        this.simulator = new MiniMaxSimulator(Duration.ofMillis(20)).start();
    }

    @AfterEach
    void stopSimulator() {
        this.simulator.stop();
    }

    @Test
    void thirtyTwoConcurrentStreamsTakeAboutAsLongAsOne() throws Exception {
        timeStreams(1); // warm-up: JIT and the client's first connection
        long single = timeStreams(1);
        long concurrent = timeStreams(STREAMS);

        // Served in batches of 4 (the old pool), 32 streams took about 8 times one stream.
        assertThat(concurrent).as("one stream %d ms, %d at once %d ms", single, STREAMS, concurrent)
            .isLessThan(single * 3);
        assertThat(this.simulator.messagesTotals().outputTokens()).isPositive();
    }

    private long timeStreams(int count) {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + "/anthropic/v1/messages"))
                .header("x-api-key", "test-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(STREAM_REQUEST))
                .build();
            replies.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> reply : replies) {
            HttpResponse<String> response = reply.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("event: message_stop");
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
