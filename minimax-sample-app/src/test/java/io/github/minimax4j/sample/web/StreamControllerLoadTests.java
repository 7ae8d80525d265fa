package io.github.minimax4j.sample.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.minimax4j.client.PacedMessagesReplies;
import io.github.minimax4j.client.PacedSseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 browsers streaming at once are all served, with no thread per browser. MiniMax here is a loopback server
 * that paces its replies from one thread and holds every reply's end until all 500 MiniMax requests came (the
 * offline simulator holds a thread per reply, 64 at most): so the app provably relayed 500 replies at the same time,
 * and the JVM never had as many threads as replies open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "minimax.api-key=sample-load-test-key", "minimax.retry.max-retries=0" })
class StreamControllerLoadTests {

    private static final int BROWSERS = 500;

    private static final int DELTAS = 10;

    private static final PacedSseServer MINIMAX = start();

    @LocalServerPort
    private int port;

    @Autowired
    private StreamSlots slots;

    private static PacedSseServer start() {
        try {
            return new PacedSseServer(PacedMessagesReplies.events(DELTAS), Duration.ofMillis(50))
                .holdLastEventUntil(BROWSERS);
        }
        catch (IOException ex) {
            throw new IllegalStateException("the loopback MiniMax did not start", ex);
        }
    }

    @DynamicPropertySource
    static void minimax(DynamicPropertyRegistry registry) {
        registry.add("minimax.base-url", MINIMAX::baseUrl);
    }

    @AfterAll
    static void stop() throws IOException {
        MINIMAX.close();
    }

    @Test
    void fiveHundredBrowsersStreamAtOnceWithoutAThreadEach() throws Exception {
        assertThat(this.slots.limit()).as("the default limit, sized by the heap").isGreaterThanOrEqualTo(BROWSERS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        ExecutorService browserThreads = Executors.newFixedThreadPool(2);
        try {
            HttpClient browsers = HttpClient.newBuilder().executor(browserThreads).build();
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < BROWSERS; i++) {
                replies.add(browsers.sendAsync(streamRequest(i), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> reply : replies) {
                HttpResponse<String> response = reply.get(3, TimeUnit.MINUTES);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body().split("event:text", -1)).hasSize(DELTAS + 1);
                assertThat(response.body()).contains("event:usage", "event:done").doesNotContain("event:error");
            }
        }
        finally {
            browserThreads.shutdownNow();
        }
        assertThat(MINIMAX.peakOpen).as("MiniMax streams open at once").hasValue(BROWSERS);
        assertThat(MINIMAX.requests).hasValue(BROWSERS);
        assertThat(MINIMAX.open).as("MiniMax streams still open").hasValue(0);
        assertThat(threads.getPeakThreadCount()).as("live threads at the peak, all of the JVM's")
            .isLessThan(BROWSERS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (this.slots.inUse() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(this.slots.inUse()).as("slots still taken after every reply ended").isZero();
    }

    private HttpRequest streamRequest(int browser) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/stream"))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Stream number " + browser + "\"}"))
            .build();
    }
}
