package io.github.minimax4j.sample.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream endpoint's life cycle over real HTTP: a browser that leaves mid-reply frees its stream slot
 * (cancelling the MiniMax stream) long before the reply would have ended, and streams beyond
 * {@code sample.stream.max-concurrent} are refused with 503. The simulator is slow here (300 ms per delta)
 * so a reply outlasts the test's observations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sample.simulator.stream-delay=300ms", "sample.stream.max-concurrent=2" })
class StreamControllerTests {

    private static final String PROMPT = "{\"prompt\":\"Tell me a long story about streams\",\"thinking\":false}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private StreamSlots slots;

    @AfterEach
    void slotsAreFreeAgain() throws Exception {
        assertThat(awaitIdleRelays(Duration.ofSeconds(3))).as("stream slots still taken").isTrue();
    }

    private HttpRequest streamRequest() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/stream"))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(PROMPT))
            .build();
    }

    /** Opens a stream and reads until its first text event, so its relay is surely running. */
    private InputStream openUntilFirstText() throws Exception {
        HttpResponse<InputStream> response = this.http.send(streamRequest(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        InputStream body = response.body();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.equals("event:text")) {
            // skip to the first text delta
        }
        assertThat(line).isEqualTo("event:text");
        return body;
    }

    private boolean awaitIdleRelays(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (this.slots.inUse() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void aBrowserLeavingMidReplyFreesItsSlotAndCancelsTheMiniMaxStream() throws Exception {
        InputStream body = openUntilFirstText();
        assertThat(this.slots.inUse()).isEqualTo(1);

        long left = System.nanoTime();
        body.close(); // the browser tab is closed: the connection is dropped mid-reply
        boolean idle = awaitIdleRelays(Duration.ofSeconds(2));
        long freedAfter = Duration.ofNanos(System.nanoTime() - left).toMillis();

        // The rest of the reply is over 10 deltas at 300 ms; the relay notices at its next write.
        assertThat(idle).as("slot still taken %d ms after the browser left", freedAfter).isTrue();
        assertThat(freedAfter).isLessThan(1500);
    }

    @Test
    void streamsBeyondTheLimitAreRefusedWith503AndAReason() throws Exception {
        try (InputStream first = openUntilFirstText(); InputStream second = openUntilFirstText()) {
            HttpResponse<String> third = this.http.send(streamRequest(), HttpResponse.BodyHandlers.ofString());

            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("application/json"));
            assertThat(JsonMapper.shared().readTree(third.body()).path("error").asString())
                .contains("All 2 reply streams are busy", "sample.stream.max-concurrent");
        }
    }
}
